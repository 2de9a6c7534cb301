/**
 * Mongolian pages scroll sideways, but a mouse wheel scrolls up and down. Turn vertical wheel
 * movement into sideways scrolling of the area under the pointer while it can still move that
 * way, and leave the page's own scrolling alone at either end.
 */
export function scrollSidewaysOnWheel(area: HTMLElement): void {
  area.addEventListener(
    'wheel',
    (event) => {
      if (event.ctrlKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return;
      // The area may scroll only at some widths (global.css); where it does not, its parent does.
      if (!/auto|scroll/u.test(getComputedStyle(area).overflowX)) return;
      const maxScrollLeft = area.scrollWidth - area.clientWidth;
      if (maxScrollLeft <= 0) return;
      const canMove = event.deltaY > 0 ? area.scrollLeft < maxScrollLeft - 1 : area.scrollLeft > 0;
      if (!canMove) return;
      const lineHeight = 16;
      const delta = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * lineHeight : event.deltaY;
      area.scrollLeft += delta;
      event.preventDefault();
    },
    { passive: false },
  );
}
