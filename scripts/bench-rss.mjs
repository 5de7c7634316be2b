// Preloaded by scripts/bench.mjs (`node --import ./scripts/bench-rss.mjs ...`): reports the
// process's peak resident set size on stderr as it exits, so the bench needs no /usr/bin/time.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
