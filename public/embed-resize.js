/*
 * Host-page helper for embedded charts of the 政府信息公开年报 dashboard: lets each
 * <iframe data-gov-disclosure-embed> take the height of its content. Optional: without it the
 * iframe keeps the height in its snippet. Safe to include more than once.
 */
(function () {
  if (window.__govDisclosureEmbedResize) return;
  window.__govDisclosureEmbedResize = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'gov-disclosure-embed:height' || typeof data.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-gov-disclosure-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = Math.max(150, Math.min(4000, Math.ceil(data.height)));
        frames[i].style.height = height + 'px';
        frames[i].setAttribute('height', String(height));
      }
    }
  });
})();
