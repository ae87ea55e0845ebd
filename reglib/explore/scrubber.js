/* The static scrubber of reglib.explore (reglib/explore/scrubber.py writes its HTML).
 *
 * An explorer's frames were drawn when its notebook cell ran, in one or two layouts
 * ("wide" at the figure's own size, "narrow" with stacked panels for phones).  The
 * container's width chooses the layout; moving a control shows the frame of the
 * controls' values.  Frames are URLs (data: URIs in a notebook, image files beside the
 * page on the site), fetched when shown; once the reader reaches the figure, the frames
 * one step away on every control are fetched ahead, so scrubbing stays instant.  Works
 * from a copy of the site opened from disk (file://): images only, no fetch().
 */
(function () {
  "use strict";

  function init(root) {
    var data = root.querySelector(".reglib-explorer-data");
    if (root.dataset.ready || !data) return;
    root.dataset.ready = "1";
    var d = JSON.parse(data.textContent);
    var img = root.querySelector(".reglib-explorer-figure");
    var inputs = Array.prototype.slice.call(root.querySelectorAll("[data-control]"));
    var sizes = d.controls.map(function (c) { return c.labels.length; });
    var ahead = {};
    var primed = false;

    // The <picture> chose a layout by the viewport's width; from here on the container
    // decides (and a hidden container keeps what the viewport chose).
    var layout = d.layouts[0];
    Array.prototype.slice.call(root.querySelectorAll("picture source")).forEach(function (s) {
      if (window.matchMedia && window.matchMedia(s.media).matches) layout = d.layouts[d.layouts.length - 1];
      s.parentNode.removeChild(s);
    });

    function choose() {
      var width = root.clientWidth;
      if (!width) return layout;
      for (var i = 0; i < d.layouts.length; i++) {
        if (width >= d.layouts[i].min) return d.layouts[i];
      }
      return d.layouts[d.layouts.length - 1];
    }

    function indices() {
      return inputs.map(function (el) { return +el.value; });
    }

    function flatOf(ix) {
      var flat = 0;
      for (var k = 0; k < ix.length; k++) flat = flat * sizes[k] + ix[k];
      return flat;
    }

    function fetchAhead() {
      var ix = indices();
      for (var k = 0; k < ix.length; k++) {
        for (var step = -1; step <= 1; step += 2) {
          var j = ix[k] + step;
          if (j < 0 || j >= sizes[k]) continue;
          var next = ix.slice();
          next[k] = j;
          var url = layout.frames[flatOf(next)];
          if (!ahead[url]) {
            ahead[url] = new Image();
            ahead[url].src = url;
          }
        }
      }
    }

    function prime() {
      if (primed) return;
      primed = true;
      fetchAhead();
    }

    function show() {
      var ix = indices();
      var flat = flatOf(ix);
      inputs.forEach(function (el, k) {
        if (el.type !== "range") return;
        var label = d.controls[k].labels[ix[k]];
        el.setAttribute("aria-valuetext", label);
        var out = el.parentNode.querySelector("output");
        if (out) out.textContent = label;
      });
      var url = layout.frames[flat];
      if (img.getAttribute("src") !== url) img.setAttribute("src", url);
      img.alt = d.alts[flat];
      if (primed) fetchAhead();
    }

    function relayout() {
      var next = choose();
      if (next === layout && root.dataset.layout) return;
      layout = next;
      root.dataset.layout = layout.name;
      img.width = layout.width;
      img.height = layout.height;
      show();
    }

    relayout();
    inputs.forEach(function (el) {
      el.addEventListener("input", function () { prime(); show(); });
      el.addEventListener("change", show);
    });
    ["pointerenter", "focusin", "touchstart"].forEach(function (name) {
      root.addEventListener(name, prime, { passive: true });
    });
    if (window.IntersectionObserver) {
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          prime();
          seen.disconnect();
        }
      });
      seen.observe(root);
    }
    if (window.ResizeObserver) new ResizeObserver(relayout).observe(root);
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-reglib-explorer]"), init);
  }

  initAll();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
})();
