#!/usr/bin/env node
// Makes sure the system packages uptake needs are present, so `npm start` and `npm test`
// work on a fresh machine: apt-get when root on Debian, else a message saying what to install.
// Usage: node scripts/ensure-system.mjs --for start|test
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const purpose = process.argv.includes('test') ? 'test' : 'start';
const log = (message) => process.stderr.write(`[ensure-system] ${message}\n`);

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const systemPython = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const pythonHas = (module) => spawnSync(systemPython, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
const chromiumFound = () =>
  [process.env.UPTAKE_CHROMIUM, process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
    .some((path) => path && existsSync(path));

// Whether fontconfig has a font for a language: Japanese stands for the Noto CJK fonts (Chinese, Japanese and
// Korean alike), Hindi and Thai for Noto's other scripts (Devanagari, Thai, Bengali, Tamil, Arabic, Hebrew, ...)
const fontFor = (language) => (spawnSync('fc-list', [`:lang=${language}`, 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';

// Each need: how to tell it is there, and the Debian packages that provide it. An optional need that cannot be
// installed is a warning: without these fonts, names in those scripts print as empty boxes in the PDF.
const needs = [
  { name: 'Chromium (PDF export)', ok: chromiumFound, packages: ['chromium', 'fonts-dejavu-core'] },
  { name: 'CJK fonts (team and task names in Chinese, Japanese or Korean in the PDF)', ok: () => fontFor('ja'), packages: ['fonts-noto-cjk'], optional: true },
  { name: "fonts for the world's other scripts (names in Devanagari, Thai, ... in the PDF)", ok: () => fontFor('hi') && fontFor('th'), packages: ['fonts-noto-core'], optional: true },
];
if (purpose === 'test') {
  needs.push(
    { name: "Jupyter's nbclient (notebook tests)", ok: () => has('jupyter') && pythonHas('nbclient') && pythonHas('ipykernel'),
      packages: ['jupyter-client', 'jupyter-core', 'python3-nbclient', 'python3-nbformat', 'python3-ipykernel'] },
    { name: 'PostgreSQL (warehouse test)', ok: () => existsSync('/usr/bin/pg_ctlcluster') || Boolean(process.env.UPTAKE_TEST_POSTGRES_URL),
      packages: ['postgresql'] },
    { name: 'pdftoppm (PDF test)', ok: () => has('pdftoppm'), packages: ['poppler-utils'] },
  );
}

const missing = needs.filter((need) => !need.ok());
if (missing.length > 0) {
  const packages = [...new Set(missing.flatMap((need) => need.packages))];
  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version') && has('apt-get');
  if (!isRoot || !isDebian) {
    log(`missing: ${missing.map((need) => need.name).join(', ')}`);
    log(`install these packages${missing.every((need) => need.optional) ? '' : ' and run again'}: ${packages.join(' ')}`);
    log('(on Debian/Ubuntu: sudo apt-get install -y ' + packages.join(' ') + '; or set UPTAKE_CHROMIUM to a Chromium binary)');
    if (!missing.every((need) => need.optional)) process.exit(1);
  } else {
    log(`installing ${packages.join(' ')} with apt-get (first run only)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const still = missing.filter((need) => !need.ok());
    if (still.length > 0) {
      log(`still missing after install: ${still.map((need) => need.name).join(', ')}`);
      if (!still.every((need) => need.optional)) process.exit(1);
    }
  }
}

ensureDuckdbBinding();

if (purpose === 'test') {
  registerTslabKernel();
  startPostgres();
}

// `npm ci` drops an optional dependency whose download failed and still succeeds; DuckDB's native
// binding for this platform is one, and the warehouse stage cannot run without it: fetch it again.
function ensureDuckdbBinding() {
  let bindingsPackage;
  try {
    bindingsPackage = createRequire(join(root, 'package.json')).resolve('@duckdb/node-bindings/package.json');
  } catch {
    return;
  }
  const name = `@duckdb/node-bindings-${process.platform}-${process.arch}`;
  const version = JSON.parse(readFileSync(bindingsPackage, 'utf8')).optionalDependencies?.[name];
  const present = () => {
    try {
      createRequire(bindingsPackage).resolve(`${name}/duckdb.node`);
      return true;
    } catch {
      return false;
    }
  };
  if (!version || present()) return;
  for (let attempt = 1; attempt <= 3 && !present(); attempt++) {
    log(`${name} is missing (npm skips an optional dependency whose download failed): installing ${name}@${version}, try ${attempt} of 3`);
    spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `${name}@${version}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!present()) {
    log(`${name} could not be installed; run \`npm ci\` again`);
    process.exit(1);
  }
}

// nbclient finds kernels through Jupyter's kernelspecs: register the project's tslab once, with the
// README's command (`uptake kernel install`), which names node and tslab by absolute path.
function registerTslabKernel() {
  const list = spawnSync('jupyter', ['kernelspec', 'list', '--json'], { encoding: 'utf8' });
  const specs = list.status === 0 ? JSON.parse(list.stdout).kernelspecs : {};
  const current = specs.tslab && JSON.parse(readFileSync(join(specs.tslab.resource_dir, 'kernel.json'), 'utf8'));
  if (current && current.argv.slice(0, 2).every((part) => existsSync(part))) return;
  log('registering the tslab Jupyter kernel (uptake kernel install)');
  execFileSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'kernel', 'install'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// The warehouse test needs a running PostgreSQL with a login role; Debian's cluster is started here.
function startPostgres() {
  if (process.env.UPTAKE_TEST_POSTGRES_URL) return;
  if (process.getuid?.() !== 0) {
    log('not root: start PostgreSQL yourself and set UPTAKE_TEST_POSTGRES_URL for the warehouse test');
    return;
  }
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  if (clusters.length === 0) {
    log('no PostgreSQL cluster: creating one');
    const version = readdirVersions();
    execFileSync('pg_createcluster', [version, 'main'], { stdio: 'ignore' });
  }
  const [version, name, , status] = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).trim().split('\n')[0].split(/\s+/);
  if (status !== 'online') {
    log(`starting PostgreSQL ${version}/${name}`);
    execFileSync('pg_ctlcluster', [version, name, 'start'], { stdio: 'inherit' });
  }
  const sql = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uptake') THEN CREATE ROLE uptake LOGIN PASSWORD 'uptake' CREATEDB; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uptake_rw') THEN CREATE ROLE uptake_rw LOGIN PASSWORD 'uptake_rw'; END IF;
  END $$;`;
  execFileSync('su', ['postgres', '-c', `psql -q -v ON_ERROR_STOP=1 -c "${sql.replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`], { stdio: 'inherit' });
  const exists = execFileSync('su', ['postgres', '-c', `psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'uptake_test'"`], { encoding: 'utf8' }).trim();
  if (exists !== '1') execFileSync('su', ['postgres', '-c', 'createdb -O uptake uptake_test'], { stdio: 'inherit' });
}

function readdirVersions() {
  return readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)).at(-1);
}
