// The service worker of a worker's pages (issue 8, docs/decisions/020-piece-logs-offline.md).
// Registered by /outbox.js. It keeps the pages she has opened (her home and
// her tasks' log pages) and the files they load, so that without a signal
// they still open, with the log form and her queued logs (public/outbox.js).
//
// - Her pages (/worker...): from the network first; what comes back is kept.
//   No answer within 6 s (a weak signal), or none at all: the kept copy.
// - Fingerprinted files (/build/...): kept forever, from the cache first.
// - The few files in public/ her pages load (outbox.js, photo-shrink.js, the
//   icon): the kept copy at once, refreshed in the background.
// - Anything else (posts, other people's pages, photos): not touched.
// A visit to the login page (after logging out, or when her session ended)
// empties the cache: the next person on a shared phone finds nothing of hers.
"use strict";

var PAGES = "piecework-pages-v1";
var FILES = "piecework-files-v1";
var NETWORK_WAIT_MS = 6000;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf("piecework-") === 0 && name !== PAGES && name !== FILES;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function isWorkerPage(url) {
  return url.pathname === "/worker" || url.pathname.indexOf("/worker/") === 0;
}

function forget() {
  return Promise.all([caches.delete(PAGES), caches.delete(FILES)]);
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    if (url.pathname === "/login") {
      event.waitUntil(forget());
      return;
    }
    if (isWorkerPage(url)) event.respondWith(page(event, request));
    return;
  }
  if (url.pathname.indexOf("/build/") === 0) {
    event.respondWith(fingerprinted(request));
    return;
  }
  if (url.pathname === "/outbox.js" || url.pathname === "/photo-shrink.js" || url.pathname === "/favicon.svg") {
    event.respondWith(refreshed(event, request));
  }
});

/** Network first; a kept copy when the network does not answer in time or at all. */
function page(event, request) {
  var fromNetwork = fetch(request).then(function (response) {
    var finalUrl = new URL(response.url || request.url);
    if (response.ok && response.type === "basic" && isWorkerPage(finalUrl) && !response.redirected) {
      var copy = response.clone();
      event.waitUntil(
        caches.open(PAGES).then(function (cache) {
          return cache.put(request.url, copy);
        }),
      );
    } else if (response.redirected && !isWorkerPage(finalUrl)) {
      // Sent elsewhere (to the login page): her session is over here.
      event.waitUntil(forget());
    }
    return response;
  });
  var timedOut = new Promise(function (resolve) {
    setTimeout(resolve, NETWORK_WAIT_MS);
  });
  var kept = function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(request.url).then(function (hit) {
        return hit || cache.match(request.url, { ignoreSearch: true });
      });
    });
  };
  return Promise.race([
    fromNetwork.catch(function () {
      return null;
    }),
    timedOut,
  ]).then(function (first) {
    if (first) return first;
    return kept().then(function (hit) {
      // Nothing kept: wait for the network after all (it may still answer, or fail as usual).
      return hit || fromNetwork;
    });
  });
}

function fingerprinted(request) {
  return caches.open(FILES).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

function refreshed(event, request) {
  return caches.open(FILES).then(function (cache) {
    return cache.match(request).then(function (hit) {
      var fresh = fetch(request)
        .then(function (response) {
          if (response.ok)
            return cache.put(request, response.clone()).then(function () {
              return response;
            });
          return response;
        })
        .catch(function () {
          return hit;
        });
      if (hit) {
        event.waitUntil(fresh);
        return hit;
      }
      return fresh;
    });
  });
}
