"use strict";
// Starts @vercel/cosmosdb-server for the tests: plain HTTP on a free loopback port, printed as
// "listening on port N" once the socket accepts connections. The server keeps everything in
// memory, so every start is empty. It exits when its standard input closes, which happens when
// the test process ends however it ends, so no server outlives its tests.

const readDocument = require("@vercel/cosmosdb-server/lib/handler/read-document");
const { parsePartitionKey } = require("@vercel/cosmosdb-server/lib/utils/get-partition-from-header");

// Version 1.0.1 answers a point read of a missing item in a partitioned container with 500 instead
// of 404: its handler compares the partition key of the item it did not find. Cosmos DB answers
// 404, and the store relies on that, so missing items are answered here before the handler runs.
// This must be in place before the routes module takes a reference to the handler.
const readExistingDocument = readDocument.default;
readDocument.default = (account, req, res, params) => {
  const collection = account.database(params.dbId).collection(params.collId);
  const header = req.headers["x-ms-documentdb-partitionkey"];
  if (collection.read() && header) {
    const partitionKey = parsePartitionKey(Array.isArray(header) ? header[0] : header, params.docId);
    if (!collection.document(params.docId, partitionKey).read()) {
      res.statusCode = 404;
      return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
    }
  }
  return readExistingDocument(account, req, res, params);
};

const { createHttpServer } = require("@vercel/cosmosdb-server");

// keepAlive: without it the server closes the connection after every answer.
const server = createHttpServer({ keepAlive: true }).listen(0, "127.0.0.1", () => {
  console.log(`listening on port ${server.address().port}`);
});

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
