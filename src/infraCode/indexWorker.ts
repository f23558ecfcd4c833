// The index's parsing thread: reads workspace files and finds their definitions, so no file — however
// large or hostile — holds up the extension host. No `vscode` here.
import { parentPort } from 'node:worker_threads';
import { readWorkspaceDefinitions, type IndexRequest, type IndexReply } from './readFiles';

parentPort?.on('message', (request: IndexRequest) => {
  const reply: IndexReply = readWorkspaceDefinitions(request);
  parentPort?.postMessage(reply);
});
