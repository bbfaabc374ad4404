"use strict";
// Transactional batches as the Azure Cosmos DB .NET SDK sends them (POST .../docs with
// x-ms-cosmos-is-batch-request: True and a HybridRow body), run atomically against the server's own
// store. cosmosdb-server 1.0.1 only knows the JSON batches of the JavaScript SDK, does not roll back
// a failed one, and answers the .NET SDK's binary body with 500.

const documentOperations = require("@vercel/cosmosdb-server/lib/handler/_document-operations");
const { layout, readRow, writeRow, readRecords, writeRecords } = require("./hybrid-row");

// The batch schemas of the .NET SDK: the operations it sends, and the results it reads back.
const BatchOperation = layout(2145473648, [
  { path: "operationType", type: "int32", storage: "fixed" },
  { path: "resourceType", type: "int32", storage: "fixed" },
  { path: "partitionKey", type: "utf8", storage: "variable" },
  { path: "effectivePartitionKey", type: "binary", storage: "variable" },
  { path: "id", type: "utf8", storage: "variable" },
  { path: "binaryId", type: "binary", storage: "variable" },
  { path: "resourceBody", type: "binary", storage: "variable" },
  { path: "indexingDirective", type: "utf8", storage: "sparse" },
  { path: "ifMatch", type: "utf8", storage: "sparse" },
  { path: "ifNoneMatch", type: "utf8", storage: "sparse" },
  { path: "timeToLiveInSeconds", type: "int32", storage: "sparse" },
  { path: "minimalReturnPreference", type: "bool", storage: "sparse" },
]);

const BatchResult = layout(2145473649, [
  { path: "statusCode", type: "int32", storage: "fixed" },
  { path: "subStatusCode", type: "int32", storage: "fixed" },
  { path: "eTag", type: "utf8", storage: "variable" },
  { path: "resourceBody", type: "binary", storage: "variable" },
  { path: "retryAfterMilliseconds", type: "uint32", storage: "sparse" },
  { path: "requestCharge", type: "float64", storage: "sparse" },
]);

// The operation types the SDK writes (Microsoft.Azure.Documents.OperationType) and the server's
// own implementation of each, so a batch behaves exactly like the single calls.
const Operations = new Map([
  [0, documentOperations.createOperation],
  [2, documentOperations.readOperation],
  [4, documentOperations.deleteOperation],
  [5, documentOperations.replaceOperation],
  [20, documentOperations.upsertOperation],
]);

const OK = 200;
const MULTI_STATUS = 207;
const FAILED_DEPENDENCY = 424;

/**
 * Runs the batch in the request body against the collection: every operation in order, and if one
 * fails, none of them. Answers as Cosmos DB does: 200 and every operation's result when all
 * succeeded; otherwise 207 with the failed operation's status and 424 (Failed Dependency) for all
 * the others, whose effects are undone. The server charges a nominal 1 RU per operation it ran.
 *
 * @returns {{ statusCode: number, body: Buffer, requestCharge: number }}
 */
function runBatch(collection, partitionKeyHeader, requestBody) {
  const operations = readOperations(requestBody);
  const undo = snapshot(collection.documents);
  let results;
  try {
    results = runUntilFailure(collection, partitionKeyHeader, operations);
  } catch (error) {
    undo();
    throw error;
  }

  const failed = results.find(result => result.statusCode >= 400);
  if (failed) {
    undo();
    const rows = operations.map((_, index) => writeRow(BatchResult, index === results.length - 1
      ? { statusCode: failed.statusCode, subStatusCode: 0, requestCharge: 1 }
      : { statusCode: FAILED_DEPENDENCY, subStatusCode: 0, requestCharge: index < results.length ? 1 : 0 }));
    return { statusCode: MULTI_STATUS, body: writeRecords(rows), requestCharge: results.length };
  }

  const rows = results.map((result, index) => writeRow(BatchResult, {
    statusCode: result.statusCode,
    subStatusCode: 0,
    eTag: result.body && result.body._etag,
    resourceBody: result.body && result.body._etag && !operations[index].minimalReturnPreference
      ? Buffer.from(JSON.stringify(result.body), "utf8")
      : undefined,
    requestCharge: 1,
  }));
  return { statusCode: OK, body: writeRecords(rows), requestCharge: results.length };
}

// The operations of the request, with their items parsed; a body that is not a batch is a bad request.
function readOperations(requestBody) {
  let operations;
  try {
    operations = readRecords(requestBody).map(record => readRow(BatchOperation, record)).map(operation => ({
      ...operation,
      resourceBody: operation.resourceBody && JSON.parse(operation.resourceBody.toString("utf8")),
    }));
  } catch (error) {
    throw new BadRequest(`The batch could not be read: ${error.message}`);
  }

  const unsupported = operations.find(operation => !Operations.has(operation.operationType));
  if (unsupported) {
    throw new BadRequest(`Operation type ${unsupported.operationType} is not supported in a batch by this test server.`);
  }
  return operations;
}

function runUntilFailure(collection, partitionKeyHeader, operations) {
  const results = [];
  for (const operation of operations) {
    const result = Operations.get(operation.operationType)(collection, {
      partitionKey: operation.partitionKey || partitionKeyHeader,
      id: operation.id,
      ifMatch: operation.ifMatch,
      resourceBody: operation.resourceBody,
    });
    results.push(result);
    if (result.statusCode >= 400) break;
  }
  return results;
}

// The server keeps a collection's documents in two maps (by resource id, and by unique key) and a
// counter of resource ids. Its writes replace entries rather than change them, so shallow copies
// are a complete snapshot, and putting them back undoes everything written since.
function snapshot(documents) {
  const data = new Map(documents._data);
  const index = new Map(documents._index);
  const ridCount = documents._ridCount;
  return () => {
    documents._data = data;
    documents._index = index;
    documents._ridCount = ridCount;
  };
}

class BadRequest extends Error {}

module.exports = { runBatch, BadRequest };
