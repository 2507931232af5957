// guidecite: citation popovers. Progressive enhancement: without this script a citation is
// a link to its reference, whose cited passages sit in a <details> below it.
// Only nodes the server rendered (escaped) are cloned; no HTML string is ever parsed.
(function () {
  "use strict";
  var popover = null;
  var owner = null;
  var returning = false; // focus going back to a citation after its popover closed

  function text(tag, className, value) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    return node;
  }

  function build(cite) {
    var passage = document.getElementById(cite.getAttribute("data-passage"));
    var reference = passage && passage.closest("li.reference");
    if (!passage || !reference) return null;
    var number = passage.getAttribute("data-reference");
    var box = document.createElement("div");
    box.className = "popover";
    box.id = "cite-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Cited passage from reference " + number);
    box.tabIndex = -1;
    var title = reference.querySelector(".ref-title");
    var meta = reference.querySelector(".ref-meta");
    box.appendChild(text("p", "pop-ref", "[" + number + "] " + (title ? title.textContent : "") +
      (meta ? " · " + meta.textContent : "")));
    var path = passage.querySelector(".path");
    if (path) box.appendChild(path.cloneNode(true));
    var body = passage.querySelector(".text");
    if (body) {
      var copy = body.cloneNode(true);
      copy.className = "pop-text";
      box.appendChild(copy);
    }
    var links = document.createElement("p");
    links.className = "pop-links";
    var source = reference.querySelector("a.ref-link");
    if (source) {
      var open = source.cloneNode(false);
      open.textContent = "Open the guideline";
      links.appendChild(open);
      links.appendChild(document.createTextNode(" · "));
    }
    var jump = document.createElement("a");
    jump.href = "#ref-" + number;
    jump.textContent = "Go to reference " + number;
    jump.addEventListener("click", function () { hide(false); });
    links.appendChild(jump);
    box.appendChild(links);
    var close = text("button", "pop-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { hide(true); });
    box.appendChild(close);
    return box;
  }

  function place(box, cite) {
    var rect = cite.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = rect.left + window.scrollX - 16;
    var widest = document.documentElement.clientWidth - width - 8 + window.scrollX;
    box.style.left = Math.max(8 + window.scrollX, Math.min(left, widest)) + "px";
    box.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function show(cite, focusInside) {
    if (owner === cite && popover) {
      if (focusInside) popover.focus();
      return;
    }
    hide(false);
    var box = build(cite);
    if (!box) return;
    document.body.appendChild(box);
    place(box, cite);
    popover = box;
    owner = cite;
    cite.setAttribute("aria-expanded", "true");
    cite.setAttribute("aria-controls", box.id);
    if (focusInside) box.focus();
  }

  function hide(returnFocus) {
    if (!popover) return;
    var cite = owner;
    popover.remove();
    popover = null;
    owner = null;
    cite.setAttribute("aria-expanded", "false");
    cite.removeAttribute("aria-controls");
    if (returnFocus) {
      returning = true;
      cite.focus();
      returning = false;
    }
  }

  document.addEventListener("click", function (event) {
    var cite = event.target.closest && event.target.closest("a.cite");
    if (cite) {
      event.preventDefault();
      show(cite, true);
    } else if (popover && !popover.contains(event.target)) {
      hide(false);
    }
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target.matches && target.matches("a.cite")) {
      if (!returning) show(target, false);
    } else if (popover && !popover.contains(target) && target !== owner) {
      hide(false);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover) hide(true);
  });
  document.querySelectorAll("a.cite").forEach(function (cite) {
    cite.setAttribute("aria-expanded", "false");
    cite.setAttribute("aria-haspopup", "dialog");
  });
})();
