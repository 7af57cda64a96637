// Places each run of a page drawn from the store (drawn-page.ts) where the PDF had it. The
// places come as data attributes and are set here through the CSSOM, which the page's
// Content-Security-Policy allows (it forbids inline style attributes). Sizes are shares of
// the page's width (cqw), so the page scales with its column; each run is then stretched or
// narrowed to the width the PDF gave it, since the browser's font is not the PDF's.
for (const page of document.querySelectorAll('.drawn-page')) {
  const width = Number(page.dataset.width);
  const height = Number(page.dataset.height);
  page.style.aspectRatio = `${width} / ${height}`;
  const runs = [...page.querySelectorAll('.run')];
  for (const run of runs) {
    const size = Number(run.dataset.size) || 10;
    run.style.left = `${(Number(run.dataset.x) / width) * 100}%`;
    // data-y is the baseline; the run's box starts about one ascent above it.
    run.style.top = `${((Number(run.dataset.y) - size * 0.85) / height) * 100}%`;
    run.style.fontSize = `${(size / width) * 100}cqw`;
  }
  const scale = page.clientWidth / width;
  for (const run of runs) {
    const want = Number(run.dataset.w) * scale;
    const have = run.getBoundingClientRect().width;
    if (want > 0 && have > 0) run.style.transform = `scaleX(${Math.min(2, Math.max(0.5, want / have))})`;
  }
  page.dataset.drawn = 'true';
}
