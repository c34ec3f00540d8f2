/** The wall is laid out at 1920×1080; a display of another size shows it scaled to fit, centred. */
export const WALL_WIDTH = 1920;
export const WALL_HEIGHT = 1080;

export function fitWallToWindow(wall: HTMLElement): void {
  const fit = () => {
    const scale = Math.min(window.innerWidth / WALL_WIDTH, window.innerHeight / WALL_HEIGHT);
    const left = (window.innerWidth - WALL_WIDTH * scale) / 2;
    const top = (window.innerHeight - WALL_HEIGHT * scale) / 2;
    wall.style.transform = `translate(${left}px, ${top}px) scale(${scale})`;
  };
  window.addEventListener('resize', fit);
  fit();
}
