// Reads each model given as the moddle Camunda Modeler imports it with (bpmn-moddle plus
// camunda-bpmn-moddle) and prints every import warning, e.g. an attribute camunda-bpmn-moddle
// does not know on its element; Modeler shows those as "Imported with N warnings". Exit code 1 if any.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const moddle = new BpmnModdle({ camunda: require('camunda-bpmn-moddle/resources/camunda.json') });
let count = 0;
for (const file of process.argv.slice(2)) {
  const { warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
  for (const warning of warnings) {
    console.log(`${file}: ${warning.message} (element ${warning.element && warning.element.id})`);
    count++;
  }
}
process.exitCode = count ? 1 : 0;
