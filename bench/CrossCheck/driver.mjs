// A second load client for the comparison, written apart from bench/LoadDriver so that the two can
// check each other (bench/README.md, "Checking the driver"): Node.js and its http module instead of
// .NET's HttpClient, its own reading of bench/bench.yaml and its own bookkeeping. It drives a server
// that is already running, in the same closed loop: USERS users, each with one kept-alive
// connection, complete conversations back to back, every reply checked; turns that start and end
// inside the measured window count.
//
//   node driver.mjs --bot ours --url http://127.0.0.1:3978 [--users 32] [--warmup 30] [--duration 20] [--bank ../bench.yaml]
//
// Prints one JSON line: {"bot":…, "users":…, "turnsPerSecond":…, "p50Ms":…, "p99Ms":…, "errors":…, "firstError":…}.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = path.dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const bot = option("bot", "bot");
const url = new URL("/api/messages", option("url", "http://127.0.0.1:3978"));
const users = Number(option("users", "32"));
const warmupMs = Number(option("warmup", "30")) * 1000;
const durationMs = Number(option("duration", "20")) * 1000;
const bank = yaml.load(fs.readFileSync(path.resolve(here, option("bank", "../bench.yaml")), "utf8"));

const steps = bank.sections.flatMap((section) => section.steps);
const questions = steps.filter((step) => step.kind === "text").map((step) => step.prompt);
const summaryPrompt = steps.find((step) => step.kind === "review").prompt;

// Open, one answer per question (each reply must ask the next question, the last the summary), submit.
function script(user, conversation) {
  const turns = [{ text: "开始自查", expect: questions[0] }];
  questions.forEach((_, i) => {
    const answer = `第${i + 1}题的回答：第${conversation + 1}次走访中看到的情况，分管工作中还有${i + 3}个环节需要改进，已制定措施并明确时限（${user}号）。`;
    turns.push({ text: answer, expect: i + 1 < questions.length ? questions[i + 1] : summaryPrompt });
  });
  turns.push({ text: "提交", expect: "已提交" });
  return turns;
}

function post(agent, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) },
      timeout: 10_000,
    });
    request.on("response", (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(body);
  });
}

function activity(conversationId, id, user, text) {
  return JSON.stringify({
    type: "message",
    id,
    timestamp: new Date().toISOString(),
    channelId: "emulator",
    serviceUrl: "http://127.0.0.1:9/",
    from: { id: `cross-user-${user}`, name: `用户${user}` },
    recipient: { id: "bot", name: "bot" },
    conversation: { id: conversationId },
    text,
    textFormat: "plain",
    locale: "zh-CN",
    deliveryMode: "expectReplies",
  });
}

const start = performance.now();
const windowStart = start + warmupMs;
const windowEnd = windowStart + durationMs;
const latencies = [];
let errors = 0;
let firstError = null;

async function user(index) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let conversation = 0; performance.now() < windowEnd; conversation++) {
    const id = `cross-${process.pid}-u${index}-c${conversation}`;
    for (const [n, turn] of script(index, conversation).entries()) {
      const began = performance.now();
      if (began >= windowEnd) break;
      let problem = null;
      try {
        const reply = await post(agent, activity(id, `${id}-t${n}`, index, turn.text));
        const texts = reply.status === 200 ? (JSON.parse(reply.body).activities ?? []).map((a) => a.text ?? "").join("\n") : "";
        if (reply.status !== 200) problem = `HTTP ${reply.status}`;
        else if (!texts.includes(turn.expect)) problem = `expected “${turn.expect}”`;
      } catch (error) {
        problem = String(error);
      }
      const ended = performance.now();
      if (began >= windowStart && ended <= windowEnd && problem === null) latencies.push(ended - began);
      if (problem !== null) {
        errors++;
        firstError ??= problem;
        break;
      }
    }
  }
  agent.destroy();
}

await Promise.all(Array.from({ length: users }, (_, i) => user(i)));
latencies.sort((a, b) => a - b);
const percentile = (p) => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))]);
console.log(JSON.stringify({
  bot,
  users,
  turnsPerSecond: latencies.length / (durationMs / 1000),
  p50Ms: percentile(0.5),
  p99Ms: percentile(0.99),
  errors,
  firstError,
}));
