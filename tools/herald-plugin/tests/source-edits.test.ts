import { describe, expect, it } from 'vitest';
import {
  addNamedImport,
  appendArrayElement,
  appendObjectProperty,
  arrayLiteralStrings,
  objectLiteralKeys,
  propertyKey,
} from '../src/generators/chat-target/source-edits.ts';

describe('appendArrayElement', () => {
  it('appends to a one-line array', () => {
    // Prepare
    const source = "export const types = ['a', 'b'] as const;\n";

    // Act
    const edited = appendArrayElement(source, 'types', "'c'");

    // Assess
    expect(edited).toBe("export const types = ['a', 'b', 'c'] as const;\n");
  });

  it('lays an array that grows too long out one element per line', () => {
    // Prepare
    const names = Array.from({ length: 9 }, (_, i) => `'target-number-${i}'`);
    const source = `export const types = [${names.join(', ')}] as const;\n`;

    // Act
    const edited = appendArrayElement(source, 'types', "'last'");

    // Assess
    expect(edited).toBe(`export const types = [\n${[...names, "'last'"].map((n) => `  ${n},`).join('\n')}\n] as const;\n`);
  });

  it('keeps the layout of a multi-line array, with or without a trailing comma', () => {
    // Prepare
    const trailing = "const types = [\n  'a',\n  'b',\n];\n";
    const bare = "const types = [\n  'a',\n  'b'\n];\n";

    // Act
    const withComma = appendArrayElement(trailing, 'types', "'c'");
    const withoutComma = appendArrayElement(bare, 'types', "'c'");

    // Assess
    expect(withComma).toBe("const types = [\n  'a',\n  'b',\n  'c',\n];\n");
    expect(withoutComma).toBe("const types = [\n  'a',\n  'b',\n  'c'\n];\n");
  });

  it('fills an empty array', () => {
    // Prepare
    const source = 'const types = [] as const;';

    // Act
    const edited = appendArrayElement(source, 'types', "'a'");

    // Assess
    expect(edited).toBe("const types = ['a'] as const;");
  });

  it('says which array it could not find', () => {
    // Prepare
    const source = 'const other = [];';

    // Act
    const edit = () => appendArrayElement(source, 'types', "'a'");

    // Assess
    expect(edit).toThrow('cannot find the array literal "types"');
  });
});

describe('appendObjectProperty', () => {
  it('appends a line to a multi-line object, through `satisfies`', () => {
    // Prepare
    const source = 'const all = {\n  a: x,\n} satisfies Record<string, unknown>;\n';

    // Act
    const edited = appendObjectProperty(source, 'all', "'b-c': y");

    // Assess
    expect(edited).toBe("const all = {\n  a: x,\n  'b-c': y,\n} satisfies Record<string, unknown>;\n");
  });

  it('appends to a one-line object and fills an empty one', () => {
    // Prepare
    const oneLine = 'const all = { a: x };';
    const empty = 'const all = {};';

    // Act
    const appended = appendObjectProperty(oneLine, 'all', 'b: y');
    const filled = appendObjectProperty(empty, 'all', 'b: y');

    // Assess
    expect(appended).toBe('const all = { a: x, b: y };');
    expect(filled).toBe('const all = {\n  b: y,\n};');
  });
});

describe('addNamedImport', () => {
  it('keeps the imports of a group in alphabetical order and does not import twice', () => {
    // Prepare
    const source = "import { b } from '@x/f-b';\nimport { d } from '@x/f-d';\nimport { z } from './z.ts';\n";

    // Act
    const once = addNamedImport(source, 'c', '@x/f-c', '@x/f-');
    const twice = addNamedImport(once, 'c', '@x/f-c', '@x/f-');

    // Assess
    expect(once).toBe("import { b } from '@x/f-b';\nimport { c } from '@x/f-c';\nimport { d } from '@x/f-d';\nimport { z } from './z.ts';\n");
    expect(twice).toBe(once);
  });

  it('puts the first import of a group after the packages, before relative imports', () => {
    // Prepare
    const source = "import { a } from 'a';\nimport { z } from './z.ts';\n";

    // Act
    const edited = addNamedImport(source, 'c', '@x/f-c', '@x/f-');

    // Assess
    expect(edited).toBe("import { a } from 'a';\nimport { c } from '@x/f-c';\nimport { z } from './z.ts';\n");
  });
});

describe('reading literals', () => {
  it('lists the strings of an array and the keys of an object', () => {
    // Prepare
    const source = "const types = ['a', 'b-c'] as const;\nconst all = { a: x, 'b-c': y };\n";

    // Act
    const strings = arrayLiteralStrings(source, 'types');
    const keys = objectLiteralKeys(source, 'all');

    // Assess
    expect(strings).toEqual(['a', 'b-c']);
    expect(keys).toEqual(['a', 'b-c']);
  });

  it('quotes a key only when it is not an identifier', () => {
    // Prepare
    const names = ['teams', 'google-chat'];

    // Act
    const keys = names.map(propertyKey);

    // Assess
    expect(keys).toEqual(['teams', "'google-chat'"]);
  });
});
