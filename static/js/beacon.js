/* MPP Virtual visitor counting: no cookies, no storage, no identifiers.
 * Page views are counted by the server; this script only reports what the server cannot see:
 * tour scenes and booths opened (the tour's mpp:scene / mpp:booth events) and, when a page asks for it,
 * service views and survey submissions (mpp:service / mpp:survey). A 503 answer is retried later. */
(function () {
  "use strict";
  var body = document.body;
  var mall = body && body.getAttribute("data-mall");
  if (!mall || !window.fetch || !window.JSON) return; // not a mall page: nothing to count

  var ENDPOINT = "/e";
  var queue = [];
  var timer = null;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function send(payload, attempt) {
    var body = JSON.stringify(payload);
    fetch(ENDPOINT, {
      method: "POST",
      body: body,
      keepalive: true,
      credentials: "omit",
      headers: { "Content-Type": "text/plain" }
    }).then(function (response) {
      if (response.status === 503) retry(payload, attempt, response.headers.get("Retry-After"));
    }, function () {
      retry(payload, attempt, null);
    });
  }

  function retry(payload, attempt, after) {
    if (attempt >= 5) return;
    var seconds = parseInt(after, 10);
    if (!(seconds > 0)) seconds = Math.pow(2, attempt + 1);
    queue.push(payload);
    if (!timer) {
      timer = setTimeout(function () {
        timer = null;
        var pending = queue.splice(0);
        pending.forEach(function (p) { send(p, attempt + 1); });
      }, Math.min(seconds, 60) * 1000);
    }
  }

  // Pages about to close: hand what still waits for a retry to sendBeacon (it cannot see answers).
  window.addEventListener("pagehide", function () {
    if (!navigator.sendBeacon) return;
    queue.splice(0).forEach(function (p) {
      navigator.sendBeacon(ENDPOINT, new Blob([JSON.stringify(p)], { type: "text/plain" }));
    });
  });

  function track(event, fields) {
    var payload = { id: uuid(), mall: mall, event: event };
    for (var key in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, key) && typeof fields[key] === "string" && fields[key]) {
        payload[key] = fields[key];
      }
    }
    send(payload, 0);
  }

  var lastScene = null;
  document.addEventListener("mpp:scene", function (e) {
    var scene = e.detail && e.detail.scene;
    if (scene && scene !== lastScene) {
      lastScene = scene;
      track("scene_view", { scene: scene });
    }
  });
  document.addEventListener("mpp:booth", function (e) {
    if (e.detail && e.detail.booth) track("booth_view", { booth: e.detail.booth });
  });
  document.addEventListener("mpp:service", function (e) {
    if (e.detail && e.detail.service) track("service_view", { service: e.detail.service });
  });
  document.addEventListener("mpp:survey", function (e) {
    var d = e.detail || {};
    track("survey_submit", { service: d.service, booth: d.booth });
  });

  window.mppTrack = track;
})();
