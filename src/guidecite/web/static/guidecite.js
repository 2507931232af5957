// guidecite: citation popovers. Progressive enhancement: without this script a citation is
// a link to its reference, whose cited passages sit in a <details> below it, the sentences
// the article quotes marked.
// A popover opens on hover, on keyboard focus and on a tap or click; Escape closes it and
// returns focus to its citation. It shows the cited passage with the statement's own
// sentence highlighted, the section path, the guideline, issuer and year, and links.
// Only nodes the server rendered (escaped) are cloned; no HTML string is ever parsed.
(function () {
  "use strict";
  var popover = null;
  var owner = null;
  var returning = false; // focus going back to a citation after its popover closed
  var hoverTimer = null;
  var leaveTimer = null;
  var HOVER_MS = 150;
  var LEAVE_MS = 300;

  // Labels in the page's language, from the article's data-label-* attributes.
  function label(name, number) {
    var article = document.querySelector("article.answer");
    var fallback = {
      open: "Open the guideline", jump: "Go to reference {n}",
      dialog: "Cited passage from reference {n}", close: "Close"
    }[name];
    var value = (article && article.getAttribute("data-label-" + name)) || fallback;
    return value.replace("{n}", number || "");
  }

  function text(tag, className, value) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    return node;
  }

  // The passage's text with only this statement's sentence highlighted.
  function passageText(passage, quote) {
    var body = passage.querySelector(".text");
    if (!body) return null;
    var copy = body.cloneNode(true);
    copy.className = "pop-text";
    copy.querySelectorAll("mark.quote").forEach(function (mark) {
      if (mark.getAttribute("data-quote") === quote) {
        mark.classList.add("current");
      }
    });
    return copy;
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
    box.setAttribute("aria-label", label("dialog", number));
    box.tabIndex = -1;
    var title = reference.querySelector(".ref-title");
    var meta = reference.querySelector(".ref-meta");
    box.appendChild(text("p", "pop-ref", "[" + number + "] " + (title ? title.textContent : "") +
      (meta ? " · " + meta.textContent : "")));
    var old = reference.querySelector(".old-source");
    if (old) box.appendChild(text("p", "pop-old old-source", old.textContent));
    var path = passage.querySelector(".path");
    if (path) box.appendChild(path.cloneNode(true));
    var body = passageText(passage, cite.getAttribute("data-quote"));
    if (body) box.appendChild(body);
    var links = document.createElement("p");
    links.className = "pop-links";
    var source = reference.querySelector("a.ref-link");
    if (source) {
      var open = source.cloneNode(false);
      open.textContent = label("open");
      links.appendChild(open);
      links.appendChild(document.createTextNode(" · "));
    }
    var jump = document.createElement("a");
    jump.href = "#ref-" + number;
    jump.textContent = label("jump", number);
    jump.addEventListener("click", function () { hide(false); });
    links.appendChild(jump);
    box.appendChild(links);
    var close = text("button", "pop-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", label("close"));
    close.addEventListener("click", function () { hide(true); });
    box.appendChild(close);
    box.addEventListener("mouseenter", function () { clearTimeout(leaveTimer); });
    box.addEventListener("mouseleave", scheduleHide);
    return box;
  }

  // Below the citation, inside the viewport's width; above it when there is no room below.
  function place(box, cite) {
    var rect = cite.getBoundingClientRect();
    var width = box.offsetWidth;
    var viewWidth = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(rect.left - 16, viewWidth - width - 8));
    var top = rect.bottom + 6;
    var below = window.innerHeight - rect.bottom;
    if (below < box.offsetHeight + 12 && rect.top > box.offsetHeight + 12) {
      top = rect.top - box.offsetHeight - 6;
    }
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function scrollToQuote(box) {
    var body = box.querySelector(".pop-text");
    var mark = box.querySelector("mark.current");
    if (body && mark && body.scrollHeight > body.clientHeight) {
      body.scrollTop = Math.max(0, mark.offsetTop - body.offsetTop - 24);
    }
  }

  function show(cite, focusInside) {
    clearTimeout(leaveTimer);
    if (owner === cite && popover) {
      if (focusInside) popover.focus();
      return;
    }
    hide(false);
    var box = build(cite);
    if (!box) return;
    document.body.appendChild(box);
    scrollToQuote(box);
    place(box, cite);
    popover = box;
    owner = cite;
    cite.setAttribute("aria-expanded", "true");
    cite.setAttribute("aria-controls", box.id);
    if (focusInside) box.focus();
  }

  function hide(returnFocus) {
    clearTimeout(hoverTimer);
    clearTimeout(leaveTimer);
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

  function scheduleHide() {
    clearTimeout(hoverTimer);
    clearTimeout(leaveTimer);
    if (popover && popover.contains(document.activeElement)) return;
    leaveTimer = setTimeout(function () {
      if (popover && owner !== document.activeElement) hide(false);
    }, LEAVE_MS);
  }

  function citeOf(target) {
    return target && target.closest ? target.closest("a.cite") : null;
  }

  document.addEventListener("click", function (event) {
    var cite = citeOf(event.target);
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
  // Hover with a mouse; a touch screen's tap arrives as a click.
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var cite = citeOf(event.target);
    if (!cite) return;
    clearTimeout(leaveTimer);
    clearTimeout(hoverTimer);
    if (owner === cite) return;
    hoverTimer = setTimeout(function () { show(cite, false); }, HOVER_MS);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse") return;
    var cite = citeOf(event.target);
    if (!cite || cite.contains(event.relatedTarget)) return;
    clearTimeout(hoverTimer);
    if (owner === cite) scheduleHide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover) hide(true);
  });
  document.querySelectorAll("a.cite").forEach(function (cite) {
    cite.setAttribute("aria-expanded", "false");
    cite.setAttribute("aria-haspopup", "dialog");
  });
})();
