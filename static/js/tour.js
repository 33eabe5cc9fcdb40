// The 360° tour. The server page already holds the poster and the full list of scenes and booths; this
// script loads the viewer (Photo Sphere Viewer, bundled in vendor/psv.js) when the citizen asks for it or
// on a fast connection without Save-Data, and keeps every hotspot reachable as a real button.
(function () {
  "use strict";
  var root = document.querySelector("[data-tour]");
  var configNode = document.getElementById("tour-config");
  if (!root || !configNode) return;
  var config = JSON.parse(configNode.textContent);
  var tour = config.tour;
  var text = document.querySelector(".tour-i18n").dataset;
  var loadButton = root.querySelector("[data-load-tour]");
  var status = document.getElementById("tour-status");
  var stage = document.getElementById("tour-viewer");
  var poster = document.getElementById("tour-poster");
  var controls = document.getElementById("tour-controls");
  var spotList = document.getElementById("tour-spots");
  var panel = document.getElementById("tour-panel");
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var scenes = {};
  tour.scenes.forEach(function (s) { scenes[s.id] = s; });
  var viewer = null;
  var markers = null;
  var virtualTour = null;
  var currentScene = config.scene;
  var lastTrigger = null;

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function hasWebGL2() {
    try {
      return !!document.createElement("canvas").getContext("webgl2");
    } catch (e) {
      return false;
    }
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function loadCss(href) {
    return new Promise(function (resolve) {
      var l = document.createElement("link");
      l.rel = "stylesheet";
      l.href = href;
      l.onload = resolve;
      l.onerror = resolve;
      document.head.appendChild(l);
    });
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  // --- Booth panel: built with textContent only, never innerHTML. -------------------------------------
  function fillPanel(booth) {
    panel.querySelector("#tour-panel-title").textContent = text.boothWord + " " + booth.name;
    panel.querySelector(".tour-panel-desc").textContent = booth.description;
    panel.querySelector(".tour-panel-more").href = booth.url;
    var body = panel.querySelector(".tour-panel-body");
    body.textContent = "";
    var count = 0;
    booth.agencies.forEach(function (agency) {
      if (!agency.services.length) return;
      var h = el("h3");
      var a = el("a", null, agency.name);
      a.href = agency.url;
      h.appendChild(a);
      body.appendChild(h);
      var list = el("ul", "tour-services");
      agency.services.forEach(function (service) {
        count += 1;
        var li = el("li");
        var link = el("a", null, service.name);
        link.href = service.url;
        li.appendChild(link);
        var facts = el("p", "tour-facts", text.cost + ": " + (service.cost || "–") + " · " + text.duration + ": " + (service.duration || "–"));
        li.appendChild(facts);
        if (service.online) {
          var online = el("a", "button tour-online", text.online + " – " + service.online.label);
          online.href = service.online.href;
          online.rel = "noopener";
          li.appendChild(online);
        }
        list.appendChild(li);
      });
      body.appendChild(list);
    });
    if (!count) body.appendChild(el("p", null, text.noServices));
  }

  function openPanel(slug, trigger) {
    var booth = tour.booths[slug];
    if (!booth) return;
    fillPanel(booth);
    panel.hidden = false;
    panel.dataset.booth = slug;
    lastTrigger = trigger || document.activeElement;
    panel.querySelector("#tour-panel-title").focus();
    emit("mpp:booth", { booth: slug });
  }

  function closePanel() {
    if (panel.hidden) return;
    panel.hidden = true;
    if (lastTrigger && document.body.contains(lastTrigger)) lastTrigger.focus();
  }

  panel.querySelector("[data-close-panel]").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePanel();
  });

  // --- Viewer ------------------------------------------------------------------------------------------
  var FACE_LETTER = { left: "l", front: "f", right: "r", back: "b", top: "u", bottom: "d" };

  function panoramaFor(scene) {
    var p = scene.panorama;
    return {
      baseUrl: { type: "stripe", path: p.base, flipTopBottom: true },
      levels: p.levels,
      flipTopBottom: true,
      tileUrl: function (face, col, row, level) {
        return p.root + "/" + (level + 1) + "/" + FACE_LETTER[face] + row + "_" + col + ".webp";
      },
    };
  }

  function deg(value) {
    return value + "deg";
  }

  function markerFor(spot) {
    var label = spot.type === "link" ? text.goto + " " + spot.label : spot.label;
    return {
      id: "spot-" + spot.id,
      position: { yaw: deg(spot.yaw), pitch: deg(spot.pitch) },
      html: "<span class=\"tour-marker-dot\"></span>",
      className: "tour-marker tour-marker--" + spot.type,
      anchor: "center center",
      size: { width: 44, height: 44 },
      tooltip: { content: label.replace(/[<>&"]/g, ""), position: "top center" },
      data: spot,
    };
  }

  function nodeFor(scene) {
    return {
      id: scene.id,
      name: scene.name,
      panorama: panoramaFor(scene),
      sphereCorrection: null,
      map: { x: scene.map.x * 400, y: scene.map.y * 400 },
      links: scene.hotspots.filter(function (s) { return s.type === "link"; }).map(function (s) {
        return { nodeId: s.target, position: { yaw: deg(s.yaw), pitch: deg(s.pitch) } };
      }),
      markers: scene.hotspots.filter(function (s) { return s.type !== "link"; }).map(markerFor),
    };
  }

  function turnTo(spot) {
    if (!viewer) return;
    var position = { yaw: deg(spot.yaw), pitch: deg(spot.pitch) };
    if (reduceMotion) viewer.rotate(position);
    else viewer.animate({ yaw: position.yaw, pitch: position.pitch, speed: "4rpm" });
  }

  function activate(spot, trigger) {
    if (spot.type === "link") goToScene(spot.target);
    else if (spot.type === "booth") openPanel(spot.booth, trigger);
  }

  function goToScene(slug) {
    if (virtualTour && scenes[slug] && scenes[slug].panorama) virtualTour.setCurrentNode(slug);
  }

  function renderSpotButtons(scene) {
    spotList.textContent = "";
    scene.hotspots.forEach(function (spot) {
      var li = el("li");
      var button = el("button", "tour-spot tour-spot--" + spot.type, spot.type === "link" ? text.goto + " " + spot.label : text.boothWord + " " + spot.label);
      button.type = "button";
      button.dataset.spot = spot.id;
      button.addEventListener("focus", function () { turnTo(spot); });
      button.addEventListener("click", function () { activate(spot, button); });
      li.appendChild(button);
      spotList.appendChild(li);
    });
  }

  function sceneShown(slug) {
    var scene = scenes[slug];
    currentScene = slug;
    renderSpotButtons(scene);
    status.textContent = text.here.replace("{scene}", scene.name).replace("{n}", scene.booths.length);
    document.title = document.title.replace(/: [^–]*/, ": " + scene.name + " ");
    if (window.history.replaceState && location.pathname !== scene.url) {
      window.history.replaceState(null, "", scene.url);
    }
    document.querySelectorAll(".tour-scenes > li").forEach(function (li) {
      var a = li.querySelector("a");
      var current = a.getAttribute("href") === scene.url;
      li.classList.toggle("is-current", current);
      if (current) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    emit("mpp:scene", { scene: slug });
  }

  function pan(direction) {
    var p = viewer.getPosition();
    var step = Math.PI / 8;
    var delta = { left: [-step, 0], right: [step, 0], up: [0, step], down: [0, -step] }[direction];
    viewer.rotate({ yaw: p.yaw + delta[0], pitch: Math.max(-1.5, Math.min(1.5, p.pitch + delta[1])) });
  }

  function zoom(direction) {
    var level = viewer.getZoomLevel();
    viewer.zoom(Math.max(0, Math.min(100, level + (direction === "in" ? 20 : -20))));
  }

  function bindControls() {
    controls.querySelectorAll("[data-pan]").forEach(function (b) {
      b.addEventListener("click", function () { pan(b.dataset.pan); });
    });
    controls.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () { zoom(b.dataset.zoom); });
    });
    stage.addEventListener("keydown", function (event) {
      var keys = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
      if (keys[event.key]) pan(keys[event.key]);
      else if (event.key === "+" || event.key === "=") zoom("in");
      else if (event.key === "-") zoom("out");
      else return;
      event.preventDefault();
    });
    var gyro = controls.querySelector("[data-gyro]");
    gyro.addEventListener("click", function () {
      loadScript(config.gyroJs).then(function () {
        var plugin = viewer.plugins.gyroscope;
        if (!plugin) {
          plugin = new window.MPPPSV.GyroscopePlugin(viewer, { touchmove: true });
          viewer.plugins.gyroscope = plugin;
          plugin.init();
        }
        return plugin.isSupported();
      }).then(function (supported) {
        if (supported) viewer.plugins.gyroscope.start();
        else status.textContent = text.gyroOff;
      });
    });
  }

  function buildViewer() {
    var P = window.MPPPSV;
    var start = scenes[currentScene];
    var nodes = tour.scenes.filter(function (s) { return s.panorama; }).map(nodeFor);
    nodes.forEach(function (n) {
      n.links = n.links.filter(function (l) { return scenes[l.nodeId] && scenes[l.nodeId].panorama; });
    });
    var transition = reduceMotion
      ? { showLoader: false, speed: 0, effect: "none", rotation: false }
      : { showLoader: false, speed: "20rpm", effect: "fade", rotation: true };
    poster && (poster.hidden = true);
    stage.hidden = false;
    viewer = new P.core.Viewer({
      container: stage,
      adapter: P.CubemapTilesAdapter,
      defaultYaw: deg(start.panorama.yaw),
      defaultPitch: deg(start.panorama.pitch),
      maxFov: 90,
      defaultZoomLvl: 0,
      navbar: false,
      keyboard: false,
      moveInertia: !reduceMotion,
      mousewheelCtrlKey: true,
      loadingTxt: "",
      plugins: [
        [P.MarkersPlugin, {}],
        [P.VirtualTourPlugin, {
          dataMode: "client",
          positionMode: "manual",
          renderMode: "2d",
          preload: false,
          nodes: nodes,
          startNodeId: start.id,
          transitionOptions: transition,
          map: { imageUrl: config.plan },
        }],
        [P.MapPlugin, { imageUrl: config.plan, size: "140px", position: "top left", defaultZoom: 30, buttons: { maximize: false, close: false, reset: false, north: false } }],
      ],
    });
    markers = viewer.getPlugin(P.MarkersPlugin);
    virtualTour = viewer.getPlugin(P.VirtualTourPlugin);
    var canvas = stage.querySelector("canvas");
    if (canvas) canvas.setAttribute("aria-hidden", "true");
    // The viewer's own arrows and markers are for pointers; keyboard and screen-reader users get the same
    // hotspots as the real buttons of #tour-spots, so the drawn copies are hidden from them.
    new MutationObserver(function () {
      stage.querySelectorAll(".psv-virtual-tour-arrow, .psv-marker, .psv-map canvas").forEach(function (node) {
        if (node.getAttribute("aria-hidden") !== "true") {
          node.setAttribute("aria-hidden", "true");
          node.setAttribute("tabindex", "-1");
        }
      });
    }).observe(stage, { childList: true, subtree: true });
    virtualTour.addEventListener("node-changed", function (e) {
      sceneShown(e.node.id);
    });
    markers.addEventListener("select-marker", function (e) {
      var spot = e.marker.config.data;
      if (spot) activate(spot, spotList.querySelector('[data-spot="' + spot.id + '"]'));
    });
    // The current direction, in whole degrees, for deep links and for anyone checking where the view points.
    viewer.addEventListener("position-updated", function (e) {
      stage.dataset.yaw = Math.round((e.position.yaw * 180) / Math.PI + 540) % 360 - 180;
    });
    viewer.addEventListener("ready", function () {
      root.dataset.state = "ready";
      performance.mark && performance.mark("pano-visible");
      if (config.booth) {
        var spot = start.hotspots.find(function (s) { return s.booth === config.booth; });
        if (spot) turnTo(spot);
      }
    }, { once: true });
    controls.hidden = false;
    loadButton.hidden = true;
    bindControls();
  }

  function startTour() {
    if (viewer) return;
    loadButton.disabled = true;
    status.textContent = text.loading;
    // Fetch the scene's preview stripe while the viewer code downloads; the viewer then finds it cached.
    new Image().src = scenes[currentScene].panorama.base;
    Promise.all([loadCss(config.psvCss), loadScript(config.psvJs)])
      .then(buildViewer)
      .catch(function (error) {
        if (window.console) console.error(error);
        status.textContent = text.failed;
        loadButton.disabled = false;
      });
  }

  // Booth links in the text list open the panel instead of leaving the page once the script runs.
  document.querySelectorAll("[data-booth]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      var booth = tour.booths[a.dataset.booth];
      if (!booth || booth.scene !== currentScene) return;
      event.preventDefault();
      openPanel(a.dataset.booth, a);
    });
  });

  if (!scenes[config.scene] || !scenes[config.scene].panorama) {
    loadButton.hidden = true;
  } else if (!hasWebGL2()) {
    loadButton.hidden = true;
    status.textContent = text.noWebgl;
  } else {
    loadButton.addEventListener("click", startTour);
    var connection = navigator.connection;
    var fast = connection && !connection.saveData && connection.effectiveType === "4g" && connection.downlink >= 5;
    if (fast) window.addEventListener("load", function () { (window.requestIdleCallback || setTimeout)(startTour); });
  }
  if (config.booth) openPanel(config.booth, null);
})();
