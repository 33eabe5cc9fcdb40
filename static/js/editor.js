// Hotspot editor for staff: click the panorama to place a booth or a link, drag a marker to move it, edit the
// numbers, delete. Every change is saved at once through the JSON endpoint (fetch + CSRF token).
(function () {
  "use strict";
  var configNode = document.getElementById("editor-config");
  var stage = document.getElementById("editor-viewer");
  if (!configNode || !stage) return;
  var config = JSON.parse(configNode.textContent);
  var text = document.querySelector(".editor-i18n").dataset;
  var status = document.getElementById("editor-status");
  var rows = document.getElementById("editor-rows");
  var kind = document.getElementById("editor-kind");
  var FACE = { left: "l", front: "f", right: "r", back: "b", top: "u", bottom: "d" };
  var viewer, markers, dragging = null;
  var spots = {};

  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.error || r.status);
        return data;
      });
    }).catch(function (error) {
      status.textContent = text.failed + " " + error.message;
      throw error;
    });
  }

  function round(v) { return Math.round(v * 10) / 10; }
  function toDeg(rad) { var d = rad * 180 / Math.PI; if (d > 180) d -= 360; return round(d); }

  function markerConfig(spot) {
    return {
      id: "spot-" + spot.id,
      position: { yaw: spot.yaw + "deg", pitch: spot.pitch + "deg" },
      html: "<span class=\"tour-marker-dot\"></span>",
      className: "tour-marker tour-marker--" + spot.kind,
      size: { width: 44, height: 44 },
      anchor: "center center",
      tooltip: spot.label.replace(/[<>&"]/g, ""),
      data: { id: spot.id },
    };
  }

  function renderRow(spot) {
    var tr = document.createElement("tr");
    tr.dataset.spot = spot.id;
    var name = document.createElement("td");
    name.textContent = spot.label;
    tr.appendChild(name);
    ["yaw", "pitch"].forEach(function (field) {
      var td = document.createElement("td");
      var input = document.createElement("input");
      input.type = "number";
      input.step = "0.1";
      input.value = spot[field];
      input.name = field;
      input.setAttribute("aria-label", field + " " + spot.label);
      td.appendChild(input);
      tr.appendChild(td);
    });
    var actions = document.createElement("td");
    var save = document.createElement("button");
    save.type = "button";
    save.textContent = text.save;
    save.addEventListener("click", function () {
      var yaw = parseFloat(tr.querySelector("[name=yaw]").value);
      var pitch = parseFloat(tr.querySelector("[name=pitch]").value);
      move(spot.id, yaw, pitch);
    });
    var del = document.createElement("button");
    del.type = "button";
    del.textContent = text.delete;
    del.addEventListener("click", function () { remove(spot.id); });
    actions.appendChild(save);
    actions.appendChild(del);
    tr.appendChild(actions);
    var old = rows.querySelector('[data-spot="' + spot.id + '"]');
    if (old) rows.replaceChild(tr, old);
    else rows.appendChild(tr);
  }

  function show(spot) {
    spots[spot.id] = spot;
    if (markers.getMarkers().some(function (m) { return m.id === "spot-" + spot.id; })) markers.updateMarker(markerConfig(spot));
    else markers.addMarker(markerConfig(spot));
    renderRow(spot);
  }

  function create(yaw, pitch) {
    var body = { kind: kind.value, yaw: yaw, pitch: pitch };
    if (kind.value === "booth") body.booth = parseInt(document.getElementById("editor-booth").value, 10);
    else body.target = parseInt(document.getElementById("editor-target").value, 10);
    return api("POST", config.api, body).then(function (spot) { show(spot); status.textContent = text.saved; });
  }

  function move(id, yaw, pitch) {
    return api("PATCH", config.api + id + "/", { yaw: yaw, pitch: pitch }).then(function (spot) {
      show(spot);
      status.textContent = text.saved;
    }, function () { show(spots[id]); });
  }

  function remove(id) {
    return api("DELETE", config.api + id + "/").then(function () {
      markers.removeMarker("spot-" + id);
      var row = rows.querySelector('[data-spot="' + id + '"]');
      if (row) row.remove();
      delete spots[id];
      status.textContent = text.deleted;
    });
  }

  kind.addEventListener("change", function () {
    document.getElementById("editor-booth-field").hidden = kind.value !== "booth";
    document.getElementById("editor-target-field").hidden = kind.value !== "link";
  });

  function pointerPosition(event) {
    var rect = stage.getBoundingClientRect();
    return viewer.dataHelper.viewerCoordsToSphericalCoords({ x: event.clientX - rect.left, y: event.clientY - rect.top });
  }

  function bindDrag() {
    // Capture phase: a press on a marker starts a move and never reaches the viewer's own rotation.
    stage.addEventListener("pointerdown", function (event) {
      var el = event.target.closest(".psv-marker");
      if (!el || !el.id) return;
      var id = parseInt(String(el.id).replace(/\D+/g, ""), 10);
      if (!spots[id]) return;
      dragging = { id: id, moved: false };
      event.stopPropagation();
      event.preventDefault();
    }, true);
    ["mousedown", "touchstart"].forEach(function (type) {
      stage.addEventListener(type, function (event) {
        if (dragging) event.stopPropagation();
      }, true);
    });
    window.addEventListener("pointermove", function (event) {
      if (!dragging) return;
      var p = pointerPosition(event);
      dragging.moved = true;
      dragging.yaw = toDeg(p.yaw);
      dragging.pitch = round(p.pitch * 180 / Math.PI);
      markers.updateMarker({ id: "spot-" + dragging.id, position: { yaw: p.yaw, pitch: p.pitch } });
    });
    window.addEventListener("pointerup", function () {
      if (!dragging) return;
      var d = dragging;
      dragging = null;
      if (d.moved) move(d.id, d.yaw, d.pitch);
    });
  }

  var s = document.createElement("script");
  s.src = config.psvJs;
  s.onload = function () {
    var P = window.MPPPSV;
    var pano = config.entry.panorama;
    viewer = new P.core.Viewer({
      container: stage,
      adapter: P.CubemapTilesAdapter,
      panorama: {
        baseUrl: { type: "stripe", path: pano.base, flipTopBottom: true },
        levels: pano.levels,
        flipTopBottom: true,
        tileUrl: function (face, col, row, level) {
          return pano.root + "/" + (level + 1) + "/" + FACE[face] + row + "_" + col + ".webp";
        },
      },
      navbar: ["zoom", "move"],
      maxFov: 90,
      defaultZoomLvl: 0,
      loadingTxt: "",
      plugins: [[P.MarkersPlugin, {}]],
    });
    markers = viewer.getPlugin(P.MarkersPlugin);
    viewer.addEventListener("ready", function () {
      config.entry.hotspots.forEach(function (h) {
        show({ id: h.id, kind: h.type, yaw: h.yaw, pitch: h.pitch, label: h.label });
      });
      stage.dataset.state = "ready";
    }, { once: true });
    viewer.addEventListener("click", function (e) {
      if (e.data.rightclick || e.data.marker || dragging) return;
      create(toDeg(e.data.yaw), round(e.data.pitch * 180 / Math.PI));
    });
    bindDrag();
  };
  document.head.appendChild(s);
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = config.psvCss;
  document.head.appendChild(css);
})();
