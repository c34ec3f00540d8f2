/** A one-line progress bar on a terminal; plain lines per step elsewhere (CI logs). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let lastStep = '';
  let lastDrawn = 0;
  return (step: string, done: number, total: number): void => {
    const now = Date.now();
    const finished = done >= total;
    if (!stream.isTTY) {
      if (finished) stream.write(`  ${step}: ${total}\n`);
      return;
    }
    if (step === lastStep && !finished && now - lastDrawn < 100) return;
    lastStep = step;
    lastDrawn = now;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, total));
    stream.write(`\r  ${step.padEnd(20)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${finished ? '\n' : ''}`);
  };
}
