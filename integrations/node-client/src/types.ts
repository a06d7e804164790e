import type { components } from './generated/openapi.js';

/** The server's own shapes, generated from its OpenAPI document (src/generated/openapi.ts). */
export type Schemas = components['schemas'];
export type Task = Schemas['Task'];
export type TaskStatus = NonNullable<Task['status']>;
export type NewTask = Schemas['TaskRoutesEnqueueTask'];
export type TaskAttempt = Schemas['TaskExecution'];
export type StatusChange = Schemas['TaskRoutesStatusChange'];
export type Claimed = Schemas['WorkerRoutesClaimed'];
export type QueueDepth = Schemas['QueueDepth'];
export type Workflow = Schemas['Workflow'];
export type NewWorkflow = Schemas['WorkflowRoutesNewWorkflow'];
export type WorkflowChange = Schemas['WorkflowRoutesWorkflowChange'];
export type WorkflowVersion = Schemas['WorkflowVersion'];
export type WorkflowExecution = Schemas['WorkflowExecution'];
export type WorkflowProgress = Schemas['WorkflowProgress'];
export type TransactionOperation = Schemas['TransactionRoutesOperation'];
export type AgentRole = Schemas['AgentRole'];
export type NewAgentRole = Schemas['AgentRoleRoutesNewRole'];
export type AgentRoleChange = Schemas['AgentRoleRoutesRoleChange'];
export type AgentRoleVersion = Schemas['AgentRoleVersion'];
export type LogEntry = Schemas['LogEntry'];
export type Component = Schemas['Component'];
export type Configuration = Schemas['Configuration'];
export type NewConfiguration = Schemas['ConfigurationRoutesPut'];
export type Health = Schemas['HealthRoutesHealth'];
export type DatabaseStatus = Schemas['DatabaseRoutesDatabaseStatus'];
export type DatabaseStatistics = Schemas['DatabaseStatistics'];
