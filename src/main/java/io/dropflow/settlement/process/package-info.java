/** The settlement feature's engine glue: the adapter that evaluates bpmn/platform-fees.dmn as deployed. */
package io.dropflow.settlement.process;
