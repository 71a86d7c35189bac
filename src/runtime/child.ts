// Entry module of an audit pool child (node:child_process fork): runs the tasks the pool sends (run-task.ts).
import { serveTasks } from "./child-protocol.ts";
import { runTask, warmUp } from "./run-task.ts";

serveTasks(runTask, warmUp);
