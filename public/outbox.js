// The phone's queue of piece logs (issue 8, docs/decisions/020-piece-logs-offline.md).
//
// A worker's pages are server-rendered HTML whose forms work without
// JavaScript. Where JavaScript runs, this plain script (no React, no bundle)
// makes the log form (form[data-outbox]) safe on a weak or absent signal:
//
//  1. On submit the log is first written to IndexedDB (it survives closing the
//     browser), with the form's one-time key, then posted to the address in
//     the form's data-outbox (/worker/tasks/<id>/logs). The server answers JSON: { ok, replayed, quantity, message } or
//     { ok: false, message }.
//  2. Sent and recorded: it leaves the queue and the page reloads with the
//     server's message. Refused (too many pieces, the task closed): it leaves
//     the queue and the message shows at the form, nothing recorded.
//  3. No answer (offline, a dropped connection, a timeout), her session over,
//     or another worker logged in on this phone: it stays in the queue, shown
//     as 待发送, and is sent again with the same key when the phone is online,
//     on every page load and every 20 s, so the server records it exactly once
//     whatever happened to the first try. Each log carries when she made it
//     (madeAt), so one sent the next day is still dated the day she made it.
//
// Logs are kept per worker (a shared phone never sends one woman's log as
// another's): the page says whose it is in #outbox[data-worker]. The texts
// come from the page, in her language (#outbox[data-text], JSON).
// It also registers the service worker (/sw.js) that keeps her pages for
// offline use.
(function () {
  "use strict";

  var DB_NAME = "piecework-outbox";
  var STORE = "logs";
  var RETRY_MS = 20000;
  var SEND_TIMEOUT_MS = 60000;
  var NOTICE_KEY = "piecework-outbox-notice";

  var panel = document.getElementById("outbox");
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
  if (!panel || !window.indexedDB || !window.fetch || !window.FormData) return;

  var worker = panel.getAttribute("data-worker") || "";
  var assignment = panel.getAttribute("data-assignment") || "";
  var text = {};
  try {
    text = JSON.parse(panel.getAttribute("data-text") || "{}");
  } catch {
    text = {};
  }
  function say(key, params) {
    var s = text[key] || "";
    for (var name in params || {}) s = s.split("{" + name + "}").join(String(params[name]));
    return s;
  }

  // ---- IndexedDB, by hand: one store of queued logs keyed by their one-time key.
  var dbPromise = null;
  function openDb() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(STORE, { keyPath: "key" });
        };
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = function () {
          reject(request.error);
        };
      });
    }
    return dbPromise;
  }
  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result;
        tx.oncomplete = function () {
          resolve(result);
        };
        tx.onerror = tx.onabort = function () {
          reject(tx.error);
        };
        work(tx.objectStore(STORE), function (value) {
          result = value;
        });
      });
    });
  }
  function putItem(item) {
    return withStore("readwrite", function (store) {
      store.put(item);
    });
  }
  function deleteItem(key) {
    return withStore("readwrite", function (store) {
      store.delete(key);
    });
  }
  function myItems() {
    return withStore("readonly", function (store, done) {
      var request = store.getAll();
      request.onsuccess = function () {
        done(
          (request.result || [])
            .filter(function (item) {
              return item.worker === worker;
            })
            .sort(function (a, b) {
              return a.createdAt - b.createdAt;
            }),
        );
      };
    });
  }

  // ---- One-time keys: 16 random bytes as base64url (22 characters), like the server's.
  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // ---- Sending one queued log. Answers "sent", "refused" or "later".
  function send(item) {
    var body = new FormData();
    item.fields.forEach(function (pair) {
      body.append(pair[0], pair[1]);
    });
    // Whose log it is: sent while someone else is logged in on this phone, the server says so and it waits.
    body.append("worker", item.worker);
    if (item.photo) body.append("photo", item.photo, item.photoName || "photo.jpg");
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller
      ? setTimeout(function () {
          controller.abort();
        }, SEND_TIMEOUT_MS)
      : null;
    return fetch(item.action, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        // Her session ended: the answer is the login page.
        if (response.redirected) {
          return { outcome: "later", message: say("login") };
        }
        // Refused before the app for its size (a photo too big to shrink): her language, not the raw answer.
        if (response.status === 413) return { outcome: "refused", message: say("tooLarge") };
        if (type.indexOf("application/json") === -1) {
          // A refusal before the app (413, 403) in plain text; a server in trouble: try again later.
          if (response.status >= 500) return { outcome: "later", message: "" };
          return response.text().then(function (body) {
            return { outcome: "refused", message: body.trim().slice(0, 300) };
          });
        }
        return response.json().then(function (answer) {
          if (answer && answer.ok === true) return { outcome: "sent", message: answer.message || "" };
          if (answer && answer.code === "otherWorker") return { outcome: "later", message: answer.message || "" };
          if (response.status >= 500) return { outcome: "later", message: "" };
          return { outcome: "refused", message: (answer && answer.message) || "" };
        });
      })
      .catch(function () {
        return { outcome: "later", message: "" };
      })
      .then(function (result) {
        if (timer) clearTimeout(timer);
        return result;
      });
  }

  // ---- Sending the whole queue, one at a time, oldest first; never twice at once in this page.
  var flushing = null;
  function flush() {
    if (flushing) return flushing;
    flushing = myItems()
      .then(function (items) {
        var pending = items.filter(function (item) {
          return item.state === "pending";
        });
        var sentHere = [];
        function next(i) {
          if (i >= pending.length) return sentHere;
          var item = pending[i];
          markSending(item.key, true);
          return send(item).then(function (result) {
            markSending(item.key, false);
            if (result.outcome === "sent") {
              if (!assignment || item.assignment === assignment) sentHere.push(result.message);
              return deleteItem(item.key).then(function () {
                return next(i + 1);
              });
            }
            if (result.outcome === "refused") {
              item.state = "failed";
              item.message = result.message;
              return putItem(item).then(function () {
                return next(i + 1);
              });
            }
            // No answer, or one that says to wait (her session ended, another worker logged in):
            // it stays queued, with what the server said kept beside it; the rest waits for the next try.
            if (!result.message || result.message === item.message) return sentHere;
            item.message = result.message;
            return putItem(item).then(function () {
              return sentHere;
            });
          });
        }
        return next(0);
      })
      .then(function (sentHere) {
        flushing = null;
        if (sentHere.length > 0 && !typing()) {
          // Her figures changed: reload with what was sent said once.
          remember(sentHere);
          location.replace(location.pathname);
          return;
        }
        return render();
      })
      .catch(function () {
        flushing = null;
      });
    return flushing;
  }

  function typing() {
    var field = document.querySelector("form[data-outbox] input[name=quantity]");
    return !!(field && (field.value !== "" || document.activeElement === field));
  }

  function remember(messages) {
    try {
      sessionStorage.setItem(NOTICE_KEY, JSON.stringify(messages));
    } catch {
      /* private mode: the reload shows the figures anyway */
    }
  }

  /** What was sent and recorded, said in the panel for as long as this page stays. */
  var sentMessages = [];

  // ---- What the panel shows: a notice from the last send, then her queued logs.
  var sendingKeys = {};
  function markSending(key, on) {
    if (on) sendingKeys[key] = true;
    else delete sendingKeys[key];
    render();
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function render() {
    return myItems().then(function (items) {
      var shown = items.filter(function (item) {
        return !assignment || item.assignment === assignment;
      });
      try {
        sentMessages = sentMessages.concat(JSON.parse(sessionStorage.getItem(NOTICE_KEY) || "[]"));
        sessionStorage.removeItem(NOTICE_KEY);
      } catch {
        /* nothing remembered */
      }
      panel.textContent = "";
      if (sentMessages.length > 0) {
        var sent = element("div", "alert success outbox-sent");
        sent.setAttribute("role", "status");
        sentMessages.forEach(function (message) {
          sent.appendChild(element("p", "", message));
        });
        panel.appendChild(sent);
      }
      var offline = navigator.onLine === false;
      if (shown.length === 0 && !offline && sentMessages.length === 0) {
        panel.hidden = true;
        return;
      }
      panel.hidden = false;
      if (shown.length === 0 && !offline) return;
      var box = element("section", "outbox-queue");
      box.setAttribute("aria-live", "polite");
      box.appendChild(element("h2", "", say("title")));
      // Offline: why it waits. Online with logs still waiting: that they are sent again by themselves.
      if (offline) box.appendChild(element("p", "hint", say("hint")));
      else if (shown.some(isPending)) box.appendChild(element("p", "hint", say("waiting")));
      var list = element("ul", "outbox-list");
      shown.forEach(function (item) {
        var row = element("li", "outbox-item outbox-" + item.state);
        row.setAttribute("data-key", item.key);
        var what = item.label + (item.step ? " · " + item.step : "") + (assignment ? "" : " · " + item.product);
        if (item.state === "failed") {
          row.appendChild(element("p", "", what));
          row.appendChild(element("p", "error", say("failed", { reason: item.message || "" })));
          var remove = element("button", "button small", say("remove"));
          remove.type = "button";
          remove.addEventListener("click", function () {
            deleteItem(item.key).then(render);
          });
          row.appendChild(remove);
        } else {
          row.appendChild(element("p", "", what + " · " + (sendingKeys[item.key] ? say("sending") : say("pending"))));
          if (item.message) row.appendChild(element("p", "hint", item.message));
        }
        list.appendChild(row);
      });
      box.appendChild(list);
      if (shown.some(isPending) && !offline) {
        var retry = element("button", "button small", say("retry"));
        retry.type = "button";
        retry.addEventListener("click", flush);
        box.appendChild(retry);
      }
      panel.appendChild(box);
    });
  }

  function isPending(item) {
    return item.state === "pending";
  }

  // ---- The log form: queue first, then send.
  var form = document.querySelector("form[data-outbox]");
  if (form) {
    var keyField = form.querySelector("input[name=clientKey]");
    // A fresh key for this page: a page from the offline cache, or one restored by the Back
    // button, must not reuse a key that was already sent.
    var freshKey = function () {
      if (keyField) keyField.value = newKey();
    };
    freshKey();
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) freshKey();
    });

    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      event.preventDefault();
      // Nothing typed: nothing to keep. Said at the field, in her language (the form has no browser check).
      var count = form.querySelector("input[name=quantity]");
      if (count && String(count.value).trim() === "") {
        var old = form.querySelector(".outbox-alert");
        if (old) old.remove();
        var empty = element("p", "alert error outbox-alert", say("empty"));
        empty.setAttribute("role", "alert");
        form.insertBefore(empty, form.firstChild);
        count.focus();
        return;
      }
      var item = itemFrom(form);
      var button = form.querySelector("button[type=submit]");
      var alertBox = form.querySelector(".outbox-alert");
      if (alertBox) alertBox.remove();
      if (button) button.disabled = true;
      putItem(item)
        .then(function () {
          if (navigator.onLine === false) return { outcome: "later", message: "" };
          markSending(item.key, true);
          return send(item);
        })
        .then(function (result) {
          markSending(item.key, false);
          if (button) button.disabled = false;
          if (result.outcome === "sent") {
            return deleteItem(item.key).then(function () {
              remember([result.message]);
              location.replace(location.pathname);
            });
          }
          if (result.outcome === "refused") {
            // Nothing was recorded: say why at the form, with what she typed still there.
            return deleteItem(item.key).then(function () {
              var box = element("p", "alert error outbox-alert", result.message);
              box.setAttribute("role", "alert");
              form.insertBefore(box, form.firstChild);
              render();
            });
          }
          // No answer, or "wait" (another worker is logged in): it waits on the phone, with what the
          // server said. The form is ready for the next log.
          form.reset();
          freshKey();
          if (!result.message) return render();
          item.message = result.message;
          return putItem(item).then(render);
        })
        .catch(function () {
          // IndexedDB refused (storage full, private mode): send the form the plain way.
          if (button) button.disabled = false;
          HTMLFormElement.prototype.submit.call(form);
        });
    });
  }

  function itemFrom(form) {
    var data = new FormData(form);
    var fields = [];
    var photo = null;
    var photoName = "";
    data.forEach(function (value, name) {
      if (typeof value === "string") fields.push([name, value]);
      else if (name === "photo" && value.size > 0) {
        photo = value;
        photoName = value.name;
      }
    });
    // When she made it: the server dates (and prices) the log on that day, within bounds (ADR 020).
    fields.push(["madeAt", String(Date.now())]);
    var quantity = String(data.get("quantity") || "").trim();
    var unitOne = form.getAttribute("data-unit-one") || "";
    var unitMany = form.getAttribute("data-unit-other") || unitOne;
    var step = form.querySelector("input[name=processStepId]:checked");
    return {
      key: String(data.get("clientKey") || newKey()),
      worker: worker,
      assignment: assignment,
      action: form.getAttribute("data-outbox") || (form.getAttribute("action") || location.pathname) + "/logs",
      fields: fields,
      photo: photo,
      photoName: photoName,
      label: quantity + " " + (quantity === "1" ? unitOne : unitMany),
      step: step ? step.getAttribute("data-step-name") || "" : "",
      product: form.getAttribute("data-product") || "",
      state: "pending",
      message: "",
      createdAt: Date.now(),
    };
  }

  // A page from the offline cache may carry the notice of the log that was made when it was kept.
  if (navigator.onLine === false) {
    var stale = document.querySelectorAll("main .alert.success[role=status]");
    for (var i = 0; i < stale.length; i++) stale[i].hidden = true;
  }

  window.addEventListener("online", flush);
  window.addEventListener("offline", render);
  setInterval(function () {
    if (document.visibilityState !== "hidden" && navigator.onLine !== false) {
      myItems().then(function (items) {
        if (items.some(isPending)) flush();
      });
    }
  }, RETRY_MS);
  render().then(function () {
    if (navigator.onLine !== false) flush();
  });
})();
