/**
 * `npm run staff:hash-password`: reads a password on standard input and prints the scrypt hash to put in
 * STAFF_ACCOUNTS as `name=<hash>`. Reading stdin keeps the password out of the shell history.
 *
 *   printf '%s' 'a long passphrase' | npm run -s staff:hash-password
 */
import { text } from 'node:stream/consumers';
import { hashPassword } from '../services/staff/passwords.js';

const MIN_LENGTH = 12;
const password = (await text(process.stdin)).replace(/\r?\n$/, '');
if (password.length < MIN_LENGTH) {
  console.error(`Use a password of at least ${MIN_LENGTH} characters.`);
  process.exit(1);
}
console.log(await hashPassword(password));
