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

// The server creates its store (an Account) when it starts listening and hands it only to its
// route handlers; the batches below run against that same store, so it is kept as it is created.
const accounts = require("@vercel/cosmosdb-server/lib/account");
const ServerAccount = accounts.default;
let account;
accounts.default = class extends ServerAccount {
  constructor(...args) {
    super(...args);
    account = this;
  }
};

const { createHttpServer } = require("@vercel/cosmosdb-server");
const isTrue = require("@vercel/cosmosdb-server/lib/true-header").default;
const { randomUUID } = require("crypto");
const { runBatch, BadRequest } = require("./batch");

// keepAlive: without it the server closes the connection after every answer.
const keepAlive = true;
const server = createHttpServer({ keepAlive });

// Transactional batches of the .NET SDK are answered here (see batch.js); everything else goes to
// the server's own request handler.
const batchPath = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs\/?$/;
const [serve] = server.listeners("request");
server.removeAllListeners("request");
server.on("request", (req, res) => {
  const path = req.method === "POST" && isTrue(req, "x-ms-cosmos-is-batch-request") && batchPath.exec(req.url);
  if (!path) {
    serve(req, res);
    return;
  }

  const chunks = [];
  req.on("data", chunk => chunks.push(chunk));
  req.on("end", () => answerBatch(req, res, path, Buffer.concat(chunks)));
});

function answerBatch(req, res, [, dbId, collId], body) {
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("connection", keepAlive ? "keep-alive" : "close");
  try {
    const collection = account.database(decodeURIComponent(dbId)).collection(decodeURIComponent(collId));
    if (!collection.read()) {
      answer(res, 404, { code: "NotFound", message: "The collection does not exist." });
      return;
    }

    const batch = runBatch(collection, req.headers["x-ms-documentdb-partitionkey"], body);
    res.statusCode = batch.statusCode;
    res.setHeader("content-type", "application/octet-stream");
    res.setHeader("x-ms-request-charge", String(batch.requestCharge));
    res.end(batch.body);
  } catch (error) {
    if (error instanceof BadRequest || error instanceof URIError) {
      answer(res, 400, { code: "BadRequest", message: error.message });
      return;
    }

    console.error(error);
    answer(res, 500, { code: "InternalServerError", message: error.message });
  }
}

function answer(res, statusCode, body) {
  res.statusCode = statusCode;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-request-charge", "1");
  res.end(JSON.stringify(body));
}

server.listen(0, "127.0.0.1", () => {
  console.log(`listening on port ${server.address().port}`);
});

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
