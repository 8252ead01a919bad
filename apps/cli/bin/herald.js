#!/usr/bin/env node
// Herald's CLI runs its TypeScript sources directly: Node 22.18+ strips types by itself.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `herald: needs Node 22.18 or newer, this is ${process.version}; run it as \`npx herald\` from the repository, which uses the project's own Node\n`,
  );
  process.exit(2);
}
await import('../src/main.ts');
