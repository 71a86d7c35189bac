// `npm start`: the ehcp-qa service and its web page on http://localhost:3000 (PORT to change it).
import { createApp, listen } from "./index.ts";

await listen(createApp(), { port: Number(process.env.PORT ?? 3000) });
