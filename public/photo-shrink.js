// Shrinks a photo in the phone before it is sent (issue 8). A camera photo is
// 3-8 MB; the coordinator needs to see the pieces, not every thread, so when a
// photo is chosen in a form's <input type="file" data-shrink>, it is drawn on a
// canvas at most 1600 px on its long side and put back in the input as a JPEG
// (quality 0.8, a few hundred KB). If anything fails (an old browser, a photo
// it cannot decode), the original file stays and is sent as it is; the server
// checks and caps it either way (app/infra/photo-store.server.ts). Without
// JavaScript the original is sent too.
//
// A plain script, no React, no bundle: include it where a form takes a photo,
//   <script src="/photo-shrink.js" defer></script>
// (the pages' Content-Security-Policy allows scripts from this site; no nonce).
// It also gives other scripts (the offline queue) the same steps:
//   window.pieceworkShrinkPhoto(file) -> Promise<Blob>   the JPEG, or `file` when that is already
//                                                         small enough and no larger; rejects when
//                                                         the browser cannot decode it
//   window.pieceworkPhotosReady(form) -> Promise<void>   settles when every photo being shrunk in
//                                                         the form is done (or has failed)
// A submit while a photo is still being shrunk waits for it, then submits the
// form again (with the same submit button). When a photo has been replaced the
// input fires "piecework:photo-shrunk" (bubbling; detail: { before, after } sizes).
(function () {
  "use strict";

  var MAX_SIDE = 1600;
  var QUALITY = 0.8;
  var KEPT_TYPES = ["image/jpeg", "image/png", "image/webp"];
  var SELECTOR = "input[type=file][data-shrink]";

  /** The photo decoded: something a canvas can draw, its size, and how to free it. */
  function decode(file) {
    if (typeof createImageBitmap === "function") {
      return createImageBitmap(file, { imageOrientation: "from-image" }).then(
        function (bitmap) {
          return {
            source: bitmap,
            width: bitmap.width,
            height: bitmap.height,
            close: function () {
              if (bitmap.close) bitmap.close();
            },
          };
        },
        function () {
          return decodeWithImage(file);
        },
      );
    }
    return decodeWithImage(file);
  }

  // Through a data: URL, which the pages' policy allows for images (blob: it does not).
  function decodeWithImage(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onerror = function () {
        reject(reader.error || new Error("unreadable"));
      };
      reader.onload = function () {
        var image = new Image();
        image.onload = function () {
          resolve({ source: image, width: image.naturalWidth, height: image.naturalHeight, close: function () {} });
        };
        image.onerror = function () {
          reject(new Error("not an image this browser can show"));
        };
        image.src = String(reader.result);
      };
      reader.readAsDataURL(file);
    });
  }

  function toJpeg(canvas) {
    return new Promise(function (resolve, reject) {
      canvas.toBlob(
        function (blob) {
          if (blob && blob.size > 0) resolve(blob);
          else reject(new Error("no JPEG"));
        },
        "image/jpeg",
        QUALITY,
      );
    });
  }

  /**
   * The photo to send: a JPEG at most MAX_SIDE px on its long side, or `file`
   * itself when it is a JPEG, PNG or WebP no larger than MAX_SIDE and the JPEG
   * would not be smaller. Rejects when the photo cannot be decoded or drawn.
   */
  function shrinkPhoto(file) {
    return decode(file).then(function (decoded) {
      var width = decoded.width;
      var height = decoded.height;
      if (!(width > 0 && height > 0)) {
        decoded.close();
        throw new Error("an image without a size");
      }
      var scale = Math.min(1, MAX_SIDE / Math.max(width, height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      var context = canvas.getContext("2d");
      if (!context) {
        decoded.close();
        throw new Error("no canvas");
      }
      // JPEG has no transparency: a transparent PNG becomes white, not black.
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = "high";
      context.drawImage(decoded.source, 0, 0, canvas.width, canvas.height);
      decoded.close();
      return toJpeg(canvas).then(
        function (jpeg) {
          // A phone keeps a canvas's memory until it is resized.
          canvas.width = canvas.height = 0;
          var keep = scale === 1 && KEPT_TYPES.indexOf(file.type) >= 0 && file.size <= jpeg.size;
          return keep ? file : jpeg;
        },
        function (error) {
          canvas.width = canvas.height = 0;
          throw error;
        },
      );
    });
  }

  /** The JPEG as a File named like the original ("IMG_0001.HEIC" → "IMG_0001.jpg"). */
  function asFile(blob, original) {
    var base = (original.name || "photo").replace(/\.[^.]*$/, "") || "photo";
    return new File([blob], base + ".jpg", { type: "image/jpeg", lastModified: original.lastModified || Date.now() });
  }

  var pending = new WeakMap();
  var shrunk = typeof WeakSet === "function" ? new WeakSet() : null;

  function shrinkInput(input) {
    var file = input.files && input.files[0];
    if (!file || (shrunk && shrunk.has(file))) return;
    if (typeof DataTransfer !== "function") return;
    input.setAttribute("data-shrinking", "");
    var job = shrinkPhoto(file)
      .then(function (blob) {
        // Another photo was chosen meanwhile, or this one is best as it is.
        if (blob === file || !input.files || input.files[0] !== file) return;
        var replacement = asFile(blob, file);
        var transfer = new DataTransfer();
        transfer.items.add(replacement);
        input.files = transfer.files;
        if (shrunk) shrunk.add(input.files[0]);
        input.dispatchEvent(
          new CustomEvent("piecework:photo-shrunk", {
            bubbles: true,
            detail: { before: file.size, after: replacement.size },
          }),
        );
      })
      .catch(function () {
        // The original stays in the input and is sent as it is.
      })
      .then(function () {
        if (pending.get(input) === job) {
          pending.delete(input);
          input.removeAttribute("data-shrinking");
        }
      });
    pending.set(input, job);
  }

  function photosReady(form) {
    var inputs = form.querySelectorAll(SELECTOR);
    var jobs = [];
    for (var i = 0; i < inputs.length; i++) {
      var job = pending.get(inputs[i]);
      if (job) jobs.push(job);
    }
    return Promise.all(jobs).then(function () {});
  }

  function resubmit(form, submitter) {
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      return;
    }
    // form.submit() sends no submit button: carry its name and value over.
    if (submitter && submitter.name) {
      var carried = document.createElement("input");
      carried.type = "hidden";
      carried.name = submitter.name;
      carried.value = submitter.value;
      form.appendChild(carried);
    }
    form.submit();
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input && input.matches && input.matches(SELECTOR) && input.form) shrinkInput(input);
  });

  // Capture, on the document: this runs before any handler of the form's own, which then sees only
  // the submit that follows once the photo is ready.
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form || !form.querySelectorAll) return;
      var waiting = false;
      var inputs = form.querySelectorAll(SELECTOR);
      for (var i = 0; i < inputs.length; i++) if (pending.has(inputs[i])) waiting = true;
      if (!waiting) return;
      event.preventDefault();
      event.stopPropagation();
      var submitter = event.submitter;
      photosReady(form).then(function () {
        resubmit(form, submitter);
      });
    },
    true,
  );

  window.pieceworkShrinkPhoto = shrinkPhoto;
  window.pieceworkPhotosReady = photosReady;
})();
