// Loaded with -r into a run of the built command under test: notes where Node.js's list of loaded
// modules stands when the command first sets a V8 flag (src/cli/load-command.cts), and at exit
// writes, as JSON to file descriptor 3, how many flags were set and every one of Node's own modules
// (process.moduleLoadList's "NativeModule" entries) first loaded after that.
const v8 = require('node:v8');
const { writeSync } = require('node:fs');

const setFlags = v8.setFlagsFromString;
let flags = 0;
let loadedBefore = -1;
v8.setFlagsFromString = (flag) => {
  if (flags++ === 0) loadedBefore = process.moduleLoadList.length;
  setFlags(flag);
};

process.on('exit', () => {
  const after = loadedBefore < 0 ? [] : process.moduleLoadList.slice(loadedBefore);
  const modules = after.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  writeSync(3, JSON.stringify({ flags, modules }));
});
