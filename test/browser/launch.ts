import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/*
 * The browser tests need nothing installed on the machine. They drive Debian's Chromium when it is there, and
 * otherwise the Chromium that @sparticuz/chromium ships through npm (never a downloaded browser). Either way the
 * pages are drawn with fonts from npm (Noto Sans, Noto Sans SC, Noto Sans KR, Noto Naskh Arabic), and the
 * machine's own fonts are hidden, so the screenshots read the same in all 9 languages on every machine.
 */

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results/screenshots';
const require = createRequire(import.meta.url);

/** The font folders of the @embedpdf/fonts-* packages (their main module sits in dist/, the fonts beside it). */
const FONT_PACKAGES = ['latin', 'sc', 'kr', 'arabic'].map((name) => join(dirname(require.resolve(`@embedpdf/fonts-${name}`)), '..', 'fonts'));
// Their family names are the older Noto ones. Japanese takes the SC font, which has kana.
const FAMILIES = ['Noto Sans', 'Noto Sans S Chinese', 'Noto Sans Korean', 'Noto Naskh Arabic'];

/** A fontconfig that sees only the npm fonts; returns the environment that makes Chromium use it. */
function npmFontsEnvironment(): Record<string, string> {
  const folder = join(tmpdir(), 'bja-test-fontconfig');
  mkdirSync(join(folder, 'cache'), { recursive: true });
  const prefer = FAMILIES.map((family) => `<family>${family}</family>`).join('');
  // Absolute paths only: fontconfig resolves relative ones against the working folder, not this file. Written
  // aside and renamed, so a browser starting in another test process never reads half of it.
  const staging = join(folder, `fonts.conf.${process.pid}`);
  writeFileSync(
    staging,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
${FONT_PACKAGES.map((dir) => `  <dir>${dir}</dir>`).join('\n')}
  <cachedir>${join(folder, 'cache')}</cachedir>
${['sans-serif', 'serif', 'monospace', 'system-ui'].map((generic) => `  <alias binding="same"><family>${generic}</family><prefer>${prefer}</prefer></alias>`).join('\n')}
  <match target="pattern"><test name="lang" compare="contains"><string>ko</string></test><edit name="family" mode="prepend" binding="strong"><string>Noto Sans Korean</string></edit></match>
</fontconfig>
`,
  );
  renameSync(staging, join(folder, 'fonts.conf'));
  return { FONTCONFIG_FILE: join(folder, 'fonts.conf'), FONTCONFIG_PATH: folder, XDG_CONFIG_HOME: join(folder, 'xdg'), XDG_DATA_HOME: join(folder, 'xdg') };
}

/**
 * The libraries @sparticuz/chromium's binary needs beyond libc (NSS, NSPR, expat), which a bare Debian lacks:
 * the package ships them for Amazon Linux, and they load on Debian too. Unpacked once with the system's tar.
 */
async function sparticuzLibraries(): Promise<string> {
  const archive = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'bin', 'al2023.tar.br');
  const folder = join(tmpdir(), 'bja-test-chromium-libs');
  if (!existsSync(join(folder, 'lib', 'libnss3.so'))) {
    // Unpacked aside, then renamed into place, so that a process never sees half of it. Through a file rather than
    // a pipe: tar may exit at the end-of-archive marker before reading the padding after it.
    const staging = mkdtempSync(`${folder}-`);
    const tarFile = join(staging, 'libraries.tar');
    await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(tarFile));
    const tar = spawnSync('tar', ['-x', '-f', tarFile, '-C', staging], { stdio: 'inherit' });
    if (tar.status !== 0) throw new Error(`could not unpack ${archive}`);
    rmSync(tarFile);
    try {
      renameSync(staging, folder);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process put it there first
    }
  }
  return join(folder, 'lib');
}

/**
 * The browser's executable and the environment it needs. Unpacking @sparticuz/chromium (into the temporary
 * folder, once; a later version needs that folder's `chromium` removed first) must not run in several processes at
 * once: the test run does it first, in its global setup.
 */
export async function prepareBrowser(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...npmFontsEnvironment() };
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, env };
  const executablePath = await sparticuz.executablePath();
  env.LD_LIBRARY_PATH = [await sparticuzLibraries(), env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { executablePath, env };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { executablePath, env } = await prepareBrowser();
  return chromium.launch({
    executablePath,
    env,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
