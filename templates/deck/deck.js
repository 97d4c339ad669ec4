/* bookdeck deck: reveal.js settings, and a fit pass that shrinks any slide whose text
   would overflow it (a safety net: the theme sizes the default manuscript to fit). */
(function () {
  'use strict';
  var STEP = 0.92;
  var MIN = 0.45;

  function overflows(el) {
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }

  function shrink(el) {
    var fit = 1;
    el.style.setProperty('--fit', '1');
    while (overflows(el) && fit > MIN) {
      fit *= STEP;
      el.style.setProperty('--fit', fit.toFixed(3));
    }
  }

  function fitAll() {
    var frames = document.querySelectorAll('.reveal .slides section > .frame');
    Array.prototype.forEach.call(frames, function (frame) {
      var section = frame.parentElement;
      var saved = section.style.display;
      // Slides far from the current one are display:none; show them just to measure.
      if (getComputedStyle(section).display === 'none') section.style.display = 'block';
      shrink(frame);
      section.style.display = saved;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.speaker-notes-pdf'), shrink);
    document.documentElement.setAttribute('data-fitted', 'true');
  }

  Reveal.on('ready', fitAll);
  // bookdeck serve swapped slides in place after a save: fit them, and pace the talk by their timings.
  document.addEventListener('bookdeck:slides', function () {
    fitAll();
    Reveal.configure({ totalTime: totalTime() });
  });
  // deck-notes.pdf: the page grows by pdfPageHeightOffset so the notes sit under the slide.
  function growPages() {
    var c = Reveal.getConfig();
    if (!c.showNotes || !(c.pdfPageHeightOffset > 0)) return;
    var w = Math.floor(c.width * (1 + c.margin));
    var h = Math.floor(c.height * (1 + c.margin)) + c.pdfPageHeightOffset + 1;
    var style = document.createElement('style');
    style.textContent = '@page{size:' + w + 'px ' + h + 'px;margin:0}';
    document.head.appendChild(style);
  }

  Reveal.on('pdf-ready', function () {
    growPages();
    fitAll();
    document.documentElement.setAttribute('data-pdf-ready', 'true');
  });

  // reveal's speaker view is a popup that notes.js writes in English and Helvetica: give it
  // the deck's language and font stack, so ，。、 take their Simplified Chinese forms there too.
  var openWindow = window.open;
  window.open = function () {
    var popup = openWindow.apply(window, arguments);
    if (popup) dressSpeakerView(popup, 0);
    return popup;
  };
  function dressSpeakerView(popup, tries) {
    var doc = popup.document;
    if (!doc || !doc.getElementById('speaker-controls')) {
      if (tries < 200) setTimeout(function () { dressSpeakerView(popup, tries + 1); }, 25);
      return;
    }
    doc.documentElement.lang = document.documentElement.lang;
    var style = doc.createElement('style');
    style.setAttribute('data-bookdeck', 'speaker-view');
    style.textContent = 'body, .speaker-controls-notes { font-family: ' + getComputedStyle(document.documentElement).getPropertyValue('--sans') + '; }';
    doc.head.appendChild(style);
  }

  // The talk's length: the sum of the slides' data-timing (seconds), which bookdeck
  // estimates from the notes; the speaker view paces the talk against it.
  function totalTime() {
    var total = 0;
    Array.prototype.forEach.call(document.querySelectorAll('.reveal .slides section[data-timing]'), function (s) {
      total += Number(s.getAttribute('data-timing')) || 0;
    });
    return total || null;
  }

  Reveal.initialize({
    width: 1280,
    height: 720,
    margin: 0.04,
    center: false,
    hash: true,
    slideNumber: 'c/t',
    transition: 'fade',
    transitionSpeed: 'fast',
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    totalTime: totalTime(),
    plugins: [RevealNotes]
  });
})();
