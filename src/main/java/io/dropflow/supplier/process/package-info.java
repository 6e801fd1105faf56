/** The supplier feature's engine glue: the adapter that reads bpmn/supplier-scorecard.dmn as deployed. */
package io.dropflow.supplier.process;
