package io.dropflow.processengine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What in a model runs as the engine when the engine reads or runs it: code, whoever deployed it. A JUEL
 * expression ({@code ${…}} or {@code #{…}}) anywhere in a BPMN file (a service task's expression, a
 * listener, a condition, an input/output mapping, a timer, a form key) can call every Spring bean and the
 * engine's services with no authorization check; so can a delegate class ({@code camunda:class}, any
 * attribute naming a class or an expression), a script (an element with {@code scriptFormat} or
 * {@code language}) and a connector. In DMN, an expression whose {@code expressionLanguage} is not FEEL
 * (juel, javascript, groovy), on the element or for the whole file on {@code definitions}; FEEL
 * calls no Java (the engine's FEEL has external functions off).
 *
 * <p>Read from the XML as written, not from the engine's parse, so nothing of the file is evaluated to
 * find out; the file is not allowed a DOCTYPE.
 */
public final class DeployedCode {

    /** The names the DMN engine reads as FEEL (absent: FEEL, the engine's default). */
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
            "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/",
            "https://www.omg.org/spec/dmn/20211108/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");

    /** One piece of code in a model: the element it is on (its id, or its tag without one), what it is, the code. */
    public record Code(String element, String kind, String value) {

        /** For people: {@code element start_probe has camunda:expression "${…}"}. */
        public String said() {
            String shown = value.length() > 160 ? value.substring(0, 160) + "…" : value;
            return "element " + element + " has " + kind + " \"" + shown.replaceAll("\\s+", " ") + "\"";
        }
    }

    private DeployedCode() {
    }

    /** Whether the engine deploys this resource as BPMN (what the engine's BPMN deployer takes). */
    static boolean isBpmn(String resource) {
        return resource.endsWith(".bpmn") || resource.endsWith(".bpmn20.xml");
    }

    /** Whether the engine deploys this resource as DMN. */
    static boolean isDmn(String resource) {
        return resource.endsWith(".dmn") || resource.endsWith(".dmn11.xml");
    }

    /** The code of a BPMN file, in document order. */
    static List<Code> ofBpmn(byte[] xml) {
        List<Code> found = new ArrayList<>();
        bpmn(parse(xml).getDocumentElement(), found);
        return found;
    }

    /**
     * The expressions of a DMN file that are not FEEL (empty when all are FEEL).
     *
     * @throws IllegalArgumentException when the file is not XML, or has a DOCTYPE
     */
    public static List<Code> ofDmn(byte[] xml) {
        List<Code> found = new ArrayList<>();
        dmn(parse(xml).getDocumentElement(), found);
        return found;
    }

    private static void bpmn(Element element, List<Code> found) {
        if ("textAnnotation".equals(element.getLocalName())) {
            return; // for people: the engine does not read it (a user task's documentation it evaluates)
        }
        NamedNodeMap attributes = element.getAttributes();
        boolean script = attribute(element, "scriptFormat") != null || attribute(element, "language") != null;
        if (script) {
            found.add(new Code(where(element), "a script (" + name(element) + ")", element.getTextContent().trim()
                    + resource(element)));
        } else if ("connector".equals(element.getLocalName())) {
            found.add(new Code(where(element), "a connector", element.getTextContent().trim()));
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String lower = local.toLowerCase(Locale.ROOT);
            if (lower.startsWith("xmlns") || "xmlns".equals(attribute.getPrefix())) {
                continue;
            }
            // formKey: a form the webapps render as HTML (embedded:deployment:…), scripts and all, in the browser of
            // whoever opens the task; the shipped models use form-js forms (formRef), which run no script
            if (lower.endsWith("class") || lower.endsWith("expression") || lower.endsWith("formkey")
                    || isJuel(attribute.getValue())) {
                found.add(new Code(where(element), attribute.getName(), attribute.getValue()));
            }
        }
        if ("constraint".equals(element.getLocalName()) && "validator".equals(element.getAttribute("name"))) {
            // a form field's validator: the engine instantiates the class its config names when the form is submitted
            found.add(new Code(where(element), "a form field validator (config)", element.getAttribute("config")));
        }
        // the element's text as the engine reads it: its text and CDATA parts together, without comments. A script's
        // text was listed above, whole; its child elements are still read, so nothing hides inside an element that
        // only looks like a script (a language attribute of another namespace, which the engine ignores)
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                bpmn(e, found);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (!script && isJuel(text.toString())) {
            found.add(new Code(where(element), "the expression (" + name(element) + ")", text.toString().trim()));
        }
    }

    private static void dmn(Element element, List<Code> found) {
        // every expressionLanguage, whatever its namespace: a second one under another prefix ("feel") must not
        // stand for the one the engine reads ("juel")
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Attr attribute = (Attr) element.getAttributes().item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String language = attribute.getValue().trim();
            if ("expressionLanguage".equals(local) && !language.isEmpty()
                    && !FEEL.contains(language.toLowerCase(Locale.ROOT))) {
                found.add(new Code(where(element), "expressionLanguage=\"" + language + "\" (" + name(element) + ")",
                        "definitions".equals(element.getLocalName()) ? language : element.getTextContent().trim()));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                dmn(e, found);
            }
        }
    }

    /** JUEL evaluates what is between {@code ${ }} or {@code #{ }}; text without them is a literal. */
    private static boolean isJuel(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** The attribute of this local name, in whatever namespace (the engine's parsers are lenient about it); null without. */
    private static Attr attribute(Element element, String local) {
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Attr attribute = (Attr) element.getAttributes().item(i);
            if (local.equals(attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())) {
                return attribute;
            }
        }
        return null;
    }

    /** {@code  resource=…} of a script read from a file, empty for an inline one. */
    private static String resource(Element element) {
        Attr resource = attribute(element, "resource");
        return resource == null ? "" : " " + resource.getName() + "=" + resource.getValue();
    }

    /** The element's id, or the nearest enclosing element's that has one, with the element's tag. */
    private static String where(Element element) {
        for (Node at = element; at instanceof Element e; at = at.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e == element ? e.getAttribute("id") : e.getAttribute("id") + " (its " + name(element) + ")";
            }
        }
        return name(element);
    }

    private static String name(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    /**
     * The file as XML, namespaces and all, without a DOCTYPE (nothing of it evaluated).
     *
     * @throws IllegalArgumentException when it is not well-formed XML, or has a DOCTYPE
     */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("it is not well-formed XML without a DOCTYPE: " + e.getMessage(), e);
        }
    }
}
