import { applyChangesToString, ChangeType, type StringChange } from '@nx/devkit';
import ts from 'typescript';

/** A line longer than this is written one element per line instead. */
const MAX_LINE_LENGTH = 120;

/**
 * The string elements of the array literal assigned to `variable` (`as const` and `satisfies` allowed).
 *
 * @example
 * ```ts
 * arrayLiteralStrings("export const types = ['a', 'b'] as const;", 'types'); // ['a', 'b']
 * ```
 */
export function arrayLiteralStrings(source: string, variable: string): string[] {
  const { array } = findArray(source, variable);
  return array.elements.flatMap((element) => (ts.isStringLiteralLike(element) ? [element.text] : []));
}

/**
 * Appends `element` (source text) to the array literal assigned to `variable`, in the layout the array already
 * has; a one-line array that would grow too long is laid out one element per line.
 *
 * @example
 * ```ts
 * appendArrayElement("const types = ['a'] as const;", 'types', "'b'"); // "const types = ['a', 'b'] as const;"
 * ```
 */
export function appendArrayElement(source: string, variable: string, element: string): string {
  const { file, array } = findArray(source, variable);
  const elements = array.elements.map((e) => e.getText(file));
  const last = array.elements.at(-1);
  const start = array.getStart(file);
  if (!last) return replace(source, start, array.end, `[${element}]`);
  if (isMultiline(source, array, file)) return appendToList(source, file, array, array.elements, element, '[');
  const grown = `[${[...elements, element].join(', ')}]`;
  const lineStart = source.lastIndexOf('\n', start) + 1;
  const lineEnd = source.indexOf('\n', array.end);
  const lineLength = (lineEnd === -1 ? source.length : lineEnd) - lineStart - (array.end - start) + grown.length;
  if (lineLength <= MAX_LINE_LENGTH) return replace(source, start, array.end, grown);
  const indent = indentationAt(source, start);
  const inner = [...elements, element].map((e) => `${indent}  ${e},`).join('\n');
  return replace(source, start, array.end, `[\n${inner}\n${indent}]`);
}

/**
 * Appends `property` (source text, e.g. `teams: teamsFormatter`) to the object literal assigned to `variable`,
 * one property per line.
 *
 * @example
 * ```ts
 * appendObjectProperty('const all = {\n  a: x,\n};', 'all', 'b: y'); // 'const all = {\n  a: x,\n  b: y,\n};'
 * ```
 */
export function appendObjectProperty(source: string, variable: string, property: string): string {
  const file = parse(source);
  const object = findInitializer(file, variable);
  if (!object || !ts.isObjectLiteralExpression(object)) throw new Error(`cannot find the object literal "${variable}"`);
  return appendToList(source, file, object, object.properties, property, '{');
}

/** The keys of the object literal assigned to `variable`. */
export function objectLiteralKeys(source: string, variable: string): string[] {
  const file = parse(source);
  const object = findInitializer(file, variable);
  if (!object || !ts.isObjectLiteralExpression(object)) throw new Error(`cannot find the object literal "${variable}"`);
  return object.properties.flatMap((property) => {
    const name = property.name;
    return name && (ts.isIdentifier(name) || ts.isStringLiteralLike(name)) ? [name.text] : [];
  });
}

/**
 * Adds `import { name } from 'module';` unless it is there: among the imports of modules starting with `group`
 * in alphabetical order, or else after the last import of a package (before relative imports).
 *
 * @example
 * ```ts
 * addNamedImport(source, 'teamsFormatter', '@herald/formatter-teams', '@herald/formatter-');
 * ```
 */
export function addNamedImport(source: string, name: string, module: string, group = module): string {
  const file = parse(source);
  const imports = file.statements.filter(ts.isImportDeclaration);
  const moduleOf = (declaration: ts.ImportDeclaration): string => (declaration.moduleSpecifier as ts.StringLiteral).text;
  const alreadyImported = imports.some((declaration) => {
    const bindings = declaration.importClause?.namedBindings;
    const named = bindings !== undefined && ts.isNamedImports(bindings) ? bindings.elements : [];
    return moduleOf(declaration) === module && named.some((element) => element.name.text === name);
  });
  if (alreadyImported) return source;
  const statement = `import { ${name} } from '${module}';`;
  const siblings = imports.filter((declaration) => moduleOf(declaration).startsWith(group));
  const next = siblings.find((declaration) => moduleOf(declaration) > module);
  if (next) return insert(source, next.getStart(file), `${statement}\n`);
  const packages = imports.filter((declaration) => !moduleOf(declaration).startsWith('.'));
  const after = siblings.at(-1) ?? packages.at(-1) ?? imports.at(-1);
  return after ? insert(source, after.end, `\n${statement}`) : `${statement}\n${source}`;
}

/** The key of `name` in an object literal: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
}

function appendToList(
  source: string,
  file: ts.SourceFile,
  literal: ts.ArrayLiteralExpression | ts.ObjectLiteralExpression,
  items: ts.NodeArray<ts.Node>,
  item: string,
  open: '[' | '{',
): string {
  const last = items.at(-1);
  const indent = indentationAt(source, literal.getStart(file));
  if (!last) {
    const close = open === '[' ? ']' : '}';
    return replace(source, literal.getStart(file), literal.end, `${open}\n${indent}  ${item},\n${indent}${close}`);
  }
  if (!isMultiline(source, literal, file)) return insert(source, last.end, `, ${item}`);
  const itemIndent = indentationAt(source, last.getStart(file));
  const comma = items.hasTrailingComma ? source.indexOf(',', last.end) + 1 : last.end;
  return insert(source, comma, `${items.hasTrailingComma ? '' : ','}\n${itemIndent}${item}${items.hasTrailingComma ? ',' : ''}`);
}

function findArray(source: string, variable: string): { file: ts.SourceFile; array: ts.ArrayLiteralExpression } {
  const file = parse(source);
  const array = findInitializer(file, variable);
  if (!array || !ts.isArrayLiteralExpression(array)) throw new Error(`cannot find the array literal "${variable}"`);
  return { file, array };
}

function findInitializer(file: ts.SourceFile, variable: string): ts.Expression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === variable && declaration.initializer) {
        return unwrap(declaration.initializer);
      }
    }
  }
  return undefined;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) {
    current = current.expression;
  }
  return current;
}

function parse(source: string): ts.SourceFile {
  return ts.createSourceFile('edited.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function isMultiline(source: string, node: ts.Node, file: ts.SourceFile): boolean {
  return source.slice(node.getStart(file), node.end).includes('\n');
}

/** The whitespace that starts the line `index` is on. */
function indentationAt(source: string, index: number): string {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
}

function insert(source: string, index: number, text: string): string {
  return applyChangesToString(source, [{ type: ChangeType.Insert, index, text }]);
}

function replace(source: string, start: number, end: number, text: string): string {
  const changes: StringChange[] = [
    { type: ChangeType.Delete, start, length: end - start },
    { type: ChangeType.Insert, index: start, text },
  ];
  return applyChangesToString(source, changes);
}
