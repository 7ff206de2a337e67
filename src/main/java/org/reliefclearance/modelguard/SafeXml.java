package org.reliefclearance.modelguard;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Reads model XML without DTDs or external entities (a model is untrusted input). */
final class SafeXml {

    private SafeXml() {
    }

    /** @throws IllegalArgumentException when the bytes are not well-formed XML or declare a DTD */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // CDATA sections become text, so an expression cannot be split across them
            factory.setCoalescing(true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors throw; nothing printed to stderr
            Document document = builder.parse(new ByteArrayInputStream(xml));
            document.normalizeDocument();
            return document;
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML, or it declares a DTD: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a security feature", e);
        }
    }

    /** The id of the element or of its nearest ancestor that has one. */
    static String elementId(Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            String id = current.getAttribute("id");
            if (!id.isEmpty()) {
                return id;
            }
        }
        return null;
    }

    /** The element's own text (its text children joined, without descendants' text). */
    static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }
}
