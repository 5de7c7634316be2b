import { UptakeError } from '../errors.js';
// The compiler is loaded on demand so the library's other entry points do not need it.
async function loadTypeScript() {
    try {
        const module = (await import('typescript'));
        return module.default ?? module;
    }
    catch (cause) {
        throw new UptakeError('environment', 'expected the `typescript` package to read the parameters cell; install it with `npm i typescript`', { cause });
    }
}
/**
 * Reads the `let/const name: type = value` declarations of a notebook's `parameters` cell.
 * @example (await readParameterDeclarations('let week: string = "latest";'))[0].type // { kind: 'string' }
 */
export async function readParameterDeclarations(source) {
    const ts = await loadTypeScript();
    const file = ts.createSourceFile('parameters.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const aliases = new Map();
    for (const statement of file.statements) {
        if (ts.isTypeAliasDeclaration(statement))
            aliases.set(statement.name.text, statement.type);
    }
    const declarations = [];
    for (const statement of file.statements) {
        if (!ts.isVariableStatement(statement))
            continue;
        const flags = statement.declarationList.flags;
        const keyword = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
        for (const declaration of statement.declarationList.declarations) {
            if (!ts.isIdentifier(declaration.name))
                continue;
            const type = declaration.type
                ? typeFromNode(ts, declaration.type, aliases, 0)
                : declaration.initializer
                    ? typeFromInitializer(ts, declaration.initializer)
                    : { kind: 'any' };
            declarations.push({
                name: declaration.name.text,
                keyword,
                typeText: declaration.type ? declaration.type.getText(file) : null,
                type,
                defaultText: declaration.initializer ? declaration.initializer.getText(file) : null,
            });
        }
    }
    return declarations;
}
function typeFromNode(ts, node, aliases, depth) {
    if (depth > 20)
        return { kind: 'any' };
    const recurse = (inner) => typeFromNode(ts, inner, aliases, depth + 1);
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
            return { kind: 'string' };
        case ts.SyntaxKind.NumberKeyword:
            return { kind: 'number' };
        case ts.SyntaxKind.BooleanKeyword:
            return { kind: 'boolean' };
        case ts.SyntaxKind.NullKeyword:
        case ts.SyntaxKind.UndefinedKeyword:
            return { kind: 'null' };
    }
    if (ts.isParenthesizedTypeNode(node))
        return recurse(node.type);
    if (ts.isLiteralTypeNode(node)) {
        const literal = node.literal;
        if (literal.kind === ts.SyntaxKind.NullKeyword)
            return { kind: 'null' };
        if (literal.kind === ts.SyntaxKind.TrueKeyword)
            return { kind: 'literal', value: true };
        if (literal.kind === ts.SyntaxKind.FalseKeyword)
            return { kind: 'literal', value: false };
        if (ts.isStringLiteral(literal))
            return { kind: 'literal', value: literal.text };
        if (ts.isNumericLiteral(literal))
            return { kind: 'literal', value: Number(literal.text) };
        if (ts.isPrefixUnaryExpression(literal) && ts.isNumericLiteral(literal.operand)) {
            return { kind: 'literal', value: -Number(literal.operand.text) };
        }
    }
    if (ts.isUnionTypeNode(node))
        return { kind: 'union', members: node.types.map(recurse) };
    if (ts.isArrayTypeNode(node))
        return { kind: 'array', element: recurse(node.elementType) };
    if (ts.isTupleTypeNode(node)) {
        return { kind: 'tuple', elements: node.elements.map((element) => recurse(ts.isNamedTupleMember(element) ? element.type : element)) };
    }
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword)
        return recurse(node.type);
    if (ts.isTypeLiteralNode(node)) {
        const properties = {};
        let index;
        for (const member of node.members) {
            if (ts.isPropertySignature(member) && member.type && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
                properties[member.name.text] = { type: recurse(member.type), optional: Boolean(member.questionToken) };
            }
            else if (ts.isIndexSignatureDeclaration(member)) {
                index = recurse(member.type);
            }
        }
        return { kind: 'object', properties, index };
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
        const name = node.typeName.text;
        const args = node.typeArguments ?? [];
        if ((name === 'Array' || name === 'ReadonlyArray') && args.length === 1)
            return { kind: 'array', element: recurse(args[0]) };
        if (name === 'Record' && args.length === 2)
            return { kind: 'object', properties: {}, index: recurse(args[1]) };
        const alias = aliases.get(name);
        if (alias)
            return recurse(alias);
    }
    return { kind: 'any' };
}
// Without an annotation TypeScript widens the default: "x" is a string, [1] a number[].
function typeFromInitializer(ts, node) {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
        return { kind: 'string' };
    if (ts.isNumericLiteral(node))
        return { kind: 'number' };
    if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand))
        return { kind: 'number' };
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword)
        return { kind: 'boolean' };
    if (ts.isArrayLiteralExpression(node)) {
        const elements = node.elements.map((element) => typeFromInitializer(ts, element));
        const kinds = new Set(elements.map((element) => JSON.stringify(element)));
        return { kind: 'array', element: elements.length > 0 && kinds.size === 1 ? elements[0] : { kind: 'any' } };
    }
    if (ts.isObjectLiteralExpression(node)) {
        const properties = {};
        for (const property of node.properties) {
            if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
                properties[property.name.text] = { type: typeFromInitializer(ts, property.initializer), optional: false };
            }
        }
        return { kind: 'object', properties };
    }
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
        return typeFromInitializer(ts, node.expression);
    return { kind: 'any' };
}
/** Shows a parameter type the way TypeScript writes it, for messages. */
export function describeParameterType(type) {
    switch (type.kind) {
        case 'literal':
            return JSON.stringify(type.value);
        case 'array':
            return `${type.element.kind === 'union' ? `(${describeParameterType(type.element)})` : describeParameterType(type.element)}[]`;
        case 'tuple':
            return `[${type.elements.map(describeParameterType).join(', ')}]`;
        case 'union':
            return type.members.map(describeParameterType).join(' | ');
        case 'object': {
            const fields = Object.entries(type.properties).map(([key, property]) => `${key}${property.optional ? '?' : ''}: ${describeParameterType(property.type)}`);
            if (type.index)
                fields.push(`[key: string]: ${describeParameterType(type.index)}`);
            return `{ ${fields.join('; ')} }`;
        }
        default:
            return type.kind;
    }
}
//# sourceMappingURL=read-parameter-declarations.js.map