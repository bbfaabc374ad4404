"use strict";
// Just enough of the HybridRow binary format to read the transactional batches of the Azure Cosmos
// DB .NET SDK and to answer them: the SDK sends a batch, and expects its results, as a HybridRow
// RecordIO stream instead of JSON.
//
// A row is: a version byte (0x81) and the little-endian int32 id of its schema; a bitmask with one
// presence bit for every nullable fixed column and every variable column, in the order the schema
// declares them (bit 0 is the lowest bit of the first byte); the fixed columns, at offsets given by
// their declaration order; the variable columns that are present, in declaration order, each as a
// varuint length and its bytes; then any sparse columns, each as a type code, its path as a varuint
// token (tokens number the columns from 1, fixed columns first, then variable, then sparse) and its
// value. All integers are little-endian; varuints are 7 bits a byte, lowest group first.
//
// A RecordIO stream is a segment header row (schema 2147473648, whose fixed "length" column is the
// length of that row itself) followed by records, each a record header row (schema 2147473649: the
// body's length and its CRC-32) and then the body, a row of any schema.

const VERSION_1 = 0x81;
const ROW_HEADER_SIZE = 5;

// The type codes that precede sparse values.
const TypeCode = Object.freeze({
  Null: 1,
  BooleanFalse: 2,
  Boolean: 3,
  Int32: 7,
  UInt32: 11,
  Float64: 16,
  Utf8: 20,
  Binary: 21,
});

const FIXED_SIZES = { int32: 4, uint32: 4 };

/**
 * Compiles a schema's columns ({ path, type, storage, nullable = true }) into the positions a row
 * of it uses. Only the column types the batch and RecordIO schemas need are known.
 */
function layout(schemaId, columns) {
  const fixed = [];
  const variable = [];
  const sparse = [];
  let bits = 0;
  let fixedSize = 0;
  for (const { path, type, storage, nullable = true } of columns) {
    if (storage === "fixed") {
      if (!(type in FIXED_SIZES)) throw new Error(`Fixed ${type} columns are not supported.`);
      fixed.push({ path, type, bit: nullable ? bits++ : -1, offset: fixedSize });
      fixedSize += FIXED_SIZES[type];
    } else if (storage === "variable") {
      variable.push({ path, type, bit: bits++ });
    } else {
      sparse.push({ path, type });
    }
  }

  const bitmaskBytes = Math.ceil(bits / 8);
  fixed.forEach(column => { column.offset += bitmaskBytes; });
  // Token 0 is the empty path; the schema's paths follow.
  const tokens = [undefined, ...fixed, ...variable, ...sparse].map(column => column && column.path);
  return { schemaId, fixed, variable, sparse, bitmaskBytes, fixedEnd: bitmaskBytes + fixedSize, tokens };
}

/** Writes one row of the layout; values maps column paths to values, undefined ones are left out. */
function writeRow(rowLayout, values) {
  const head = Buffer.alloc(ROW_HEADER_SIZE + rowLayout.fixedEnd);
  head.writeUInt8(VERSION_1, 0);
  head.writeInt32LE(rowLayout.schemaId, 1);
  const body = head.subarray(ROW_HEADER_SIZE);
  const parts = [head];
  for (const column of rowLayout.fixed) {
    const value = values[column.path];
    if (value === undefined) continue;
    if (column.bit >= 0) setBit(body, column.bit);
    if (column.type === "int32") body.writeInt32LE(value, column.offset);
    else body.writeUInt32LE(value, column.offset);
  }
  for (const column of rowLayout.variable) {
    const value = values[column.path];
    if (value === undefined) continue;
    setBit(body, column.bit);
    parts.push(lengthPrefixed(column.type === "utf8" ? Buffer.from(value, "utf8") : value));
  }
  rowLayout.sparse.forEach(column => {
    const value = values[column.path];
    if (value === undefined) return;
    parts.push(sparseField(rowLayout.tokens.indexOf(column.path), column.type, value));
  });
  return Buffer.concat(parts);
}

/** Reads one row of the layout into an object of the columns it holds. */
function readRow(rowLayout, row) {
  const reader = new Reader(row);
  const version = reader.uint8();
  const schemaId = reader.int32();
  if (version !== VERSION_1 || schemaId !== rowLayout.schemaId) {
    throw new Error(`Expected a version 1 row of schema ${rowLayout.schemaId}, found version ${version} of schema ${schemaId}.`);
  }

  const body = reader.bytes(rowLayout.fixedEnd);
  const values = {};
  for (const column of rowLayout.fixed) {
    if (column.bit >= 0 && !hasBit(body, column.bit)) continue;
    values[column.path] = column.type === "int32" ? body.readInt32LE(column.offset) : body.readUInt32LE(column.offset);
  }
  for (const column of rowLayout.variable) {
    if (!hasBit(body, column.bit)) continue;
    const bytes = reader.bytes(reader.varuint());
    values[column.path] = column.type === "utf8" ? bytes.toString("utf8") : bytes;
  }
  while (!reader.done) {
    const typeCode = reader.uint8();
    const token = reader.varuint();
    // A path the schema does not name is written out: its length, offset by the token count, then its text.
    const path = token < rowLayout.tokens.length
      ? rowLayout.tokens[token]
      : reader.bytes(token - rowLayout.tokens.length).toString("utf8");
    values[path] = reader.sparseValue(typeCode);
  }
  return values;
}

// The RecordIO headers' schemas; only the columns used here are named, and the segment header's
// other (sparse) columns are skipped by its length.
const Segment = layout(2147473648, [{ path: "length", type: "int32", storage: "fixed" }]);
const Record = layout(2147473649, [
  { path: "length", type: "int32", storage: "fixed", nullable: false },
  { path: "crc32", type: "uint32", storage: "fixed", nullable: false },
]);

/** The bodies of the records of a RecordIO stream, each checked against its CRC-32. */
function readRecords(stream) {
  const records = [];
  let position = 0;
  while (position < stream.length) {
    const schemaId = stream.readInt32LE(position + 1);
    if (schemaId === Segment.schemaId) {
      const header = readRow(Segment, stream.subarray(position, position + ROW_HEADER_SIZE + Segment.fixedEnd));
      position += header.length;
      continue;
    }

    const headerEnd = position + ROW_HEADER_SIZE + Record.fixedEnd;
    const { length, crc32: expected } = readRow(Record, stream.subarray(position, headerEnd));
    const body = stream.subarray(headerEnd, headerEnd + length);
    if (body.length !== length || crc32(body) !== expected) {
      throw new Error("A RecordIO record is truncated or does not match its CRC-32.");
    }
    records.push(body);
    position = headerEnd + length;
  }
  return records;
}

/** A RecordIO stream of one segment holding the given record bodies. */
function writeRecords(bodies) {
  // The length column is fixed, so its value does not change the length it measures.
  const segment = writeRow(Segment, { length: ROW_HEADER_SIZE + Segment.fixedEnd });
  const parts = [segment];
  for (const body of bodies) {
    parts.push(writeRow(Record, { length: body.length, crc32: crc32(body) }), body);
  }
  return Buffer.concat(parts);
}

class Reader {
  constructor(buffer) {
    this.buffer = buffer;
    this.position = 0;
  }

  get done() {
    return this.position >= this.buffer.length;
  }

  bytes(count) {
    if (this.position + count > this.buffer.length) throw new Error("A HybridRow row ends early.");
    const bytes = this.buffer.subarray(this.position, this.position + count);
    this.position += count;
    return bytes;
  }

  uint8() {
    return this.bytes(1).readUInt8(0);
  }

  int32() {
    return this.bytes(4).readInt32LE(0);
  }

  varuint() {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = this.uint8();
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 0x80;
    }
  }

  sparseValue(typeCode) {
    switch (typeCode) {
      case TypeCode.Null: return null;
      case TypeCode.BooleanFalse: return false;
      case TypeCode.Boolean: return true;
      case TypeCode.Int32: return this.int32();
      case TypeCode.UInt32: return this.bytes(4).readUInt32LE(0);
      case TypeCode.Float64: return this.bytes(8).readDoubleLE(0);
      case TypeCode.Utf8: return this.bytes(this.varuint()).toString("utf8");
      case TypeCode.Binary: return this.bytes(this.varuint());
      default: throw new Error(`Sparse HybridRow values of type code ${typeCode} are not supported.`);
    }
  }
}

function sparseField(token, type, value) {
  switch (type) {
    case "utf8": return Buffer.concat([Buffer.from([TypeCode.Utf8]), varuint(token), lengthPrefixed(Buffer.from(value, "utf8"))]);
    case "bool": return Buffer.concat([Buffer.from([value ? TypeCode.Boolean : TypeCode.BooleanFalse]), varuint(token)]);
    case "float64": {
      const number = Buffer.alloc(8);
      number.writeDoubleLE(value, 0);
      return Buffer.concat([Buffer.from([TypeCode.Float64]), varuint(token), number]);
    }
    default: throw new Error(`Writing sparse ${type} columns is not supported.`);
  }
}

function lengthPrefixed(bytes) {
  return Buffer.concat([varuint(bytes.length), bytes]);
}

function varuint(value) {
  const bytes = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function setBit(bitmask, bit) {
  bitmask[bit >> 3] |= 1 << (bit & 7);
}

function hasBit(bitmask, bit) {
  return (bitmask[bit >> 3] & (1 << (bit & 7))) !== 0;
}

// CRC-32 of ISO 3309 (the one of zlib and PNG), as RecordIO records carry it.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

module.exports = { layout, readRow, writeRow, readRecords, writeRecords };
