// Draws each page of the document's PDF with pdf.js (served from the package, no CDN) beside
// its stored text, when the server found the file. Pages are drawn as they scroll into view.
import * as pdfjs from '/assets/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';
const holder = document.querySelector('.doc[data-pdf]');

async function draw(pdf, view) {
  const page = await pdf.getPage(Number(view.dataset.page));
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  view.append(canvas);
  await page.render({ canvasContext: canvas.getContext('2d'), canvas, viewport }).promise;
  view.dataset.drawn = 'true';
}

if (holder) {
  // isEvalSupported false: the CSP forbids eval, and PDFs are untrusted input.
  const pdf = await pdfjs.getDocument({ url: holder.dataset.pdf, isEvalSupported: false }).promise;
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      observer.unobserve(e.target);
      draw(pdf, e.target).catch((err) => {
        e.target.textContent = `PDF-siden kunne ikke tegnes: ${err.message}`;
      });
    }
  }, { rootMargin: '400px' });
  for (const view of document.querySelectorAll('.pdf-view')) observer.observe(view);
}
