"use strict";
// The peer of the comparison benchmark (bench/README.md): the same dialog as bench/bench.yaml,
// written the way the Bot Framework SDK's samples write it. A CloudAdapter with authentication
// disabled (no MicrosoftAppId, as in local development), a WaterfallDialog of 20 TextPrompts, a
// summary of all answers that waits for 提交, and ConversationState on MemoryStorage.
//
// Node's own http server stands in for restify/express: the adapter only needs a parsed body and
// status/header/send/end on the response, and a thinner server can only help the peer.
//
//   node index.js --port 3979 [--bank ../bench.yaml]

const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const yaml = require("js-yaml");
const {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
} = require("botbuilder");
const { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } = require("botbuilder-dialogs");

const MaxBody = 256 * 1024;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

// The questions and the summary prompt come from our question bank, so both bots ask the same words.
function readDialog(file) {
  const bank = yaml.load(fs.readFileSync(file, "utf8"));
  const steps = bank.sections.flatMap((section) => section.steps);
  return {
    questions: steps.filter((step) => step.kind === "text").map((step) => step.prompt),
    summaryPrompt: steps.find((step) => step.kind === "review").prompt,
  };
}

const dialog = readDialog(path.resolve(__dirname, option("bank", "../bench.yaml")));
const port = Number(option("port", "3979"));

// Empty settings: no app id, so the adapter accepts unauthenticated requests.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(error);
  await context.sendActivity("error");
};

const conversationState = new ConversationState(new MemoryStorage());
const dialogState = conversationState.createProperty("dialogState");
const dialogs = new DialogSet(dialogState);
dialogs.add(new TextPrompt("text"));

const summary = (answers) =>
  dialog.questions.map((question, i) => `${question}\n${answers[i]}`).join("\n");

const askQuestion = (i) => async (step) => {
  if (i > 0) {
    step.values.answers.push(step.result);
  } else {
    step.values.answers = [];
  }
  return step.prompt("text", dialog.questions[i]);
};

dialogs.add(
  new WaterfallDialog("self-check", [
    ...dialog.questions.map((_, i) => askQuestion(i)),
    async (step) => {
      step.values.answers.push(step.result);
      return step.prompt("text", `${dialog.summaryPrompt}\n\n${summary(step.values.answers)}`);
    },
    async (step) => {
      await step.context.sendActivity(`您的材料已提交，以下为提交的版本：\n\n${summary(step.values.answers)}`);
      return step.endDialog();
    },
  ]),
);

async function onTurn(context) {
  if (context.activity.type === "message") {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog("self-check");
    }
  }
  await conversationState.saveChanges(context);
}

// The response shape the adapter writes to (restify's and express's methods).
function adapterResponse(res) {
  res.status = (code) => {
    res.statusCode = code;
  };
  res.header = (name, value) => res.setHeader(name, value);
  res.send = (body) => {
    if (typeof body === "object") {
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.write(JSON.stringify(body));
    } else {
      res.write(String(body));
    }
  };
  return res;
}

const server = http.createServer((req, res) => {
  if (req.url !== "/api/messages") {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  let size = 0;
  req.on("data", (chunk) => {
    size += chunk.length;
    if (size > MaxBody) {
      res.statusCode = 413;
      res.end();
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    adapter.process(req, adapterResponse(res), onTurn).catch((error) => {
      console.error(error);
      res.statusCode = 500;
      res.end();
    });
  });
});

server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => console.log(`listening on port ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
