package org.reliefclearance.enginetuning;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Gives the engine's task query (Tasklist's lists and counts, {@code /engine-rest/task}) an
 * authorization check that reads the caller's grants once per query and looks each task up in them,
 * instead of Camunda's join of every task to every grant of the caller's groups, which grows with the
 * square of a group's backlog (README, "Performance"). The query is Camunda's own, read from its mapping at start with two changes: the
 * join to the grants is left out and the check in the where clause is
 * {@code enginetuning/task-authorization.xml}. The engine is then pointed at it. The same grants
 * decide; where revoking grants concern the caller, Camunda's own check runs.
 *
 * <p>Should a Camunda upgrade change the query's shape, the engine keeps its own query and the log
 * says so ({@code TaskQueryAuthorizationTest} fails first).
 */
@Component
class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

    static final String CAMUNDA_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    static final String CHECK_MAPPING = "enginetuning/task-authorization.xml";
    static final String NAMESPACE = "org.reliefclearance.enginetuning.TaskQuery";
    /** The namespace of {@link #CHECK_MAPPING}. */
    static final String CHECK_NAMESPACE = "org.reliefclearance.enginetuning.TaskAuthorization";
    /** Camunda's statement names and ours. */
    static final Map<String, String> STATEMENTS = Map.of(
            "selectTaskByQueryCriteria", "selectTaskByQueryCriteriaWithGrantLookup",
            "selectTaskCountByQueryCriteria", "selectTaskCountByQueryCriteriaWithGrantLookup");

    private static final String AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
    private static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
    private static final Set<String> KEPT = Set.of("columnSelection", "selectTaskByQueryCriteriaSql",
            "selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
    private static final Logger log = LoggerFactory.getLogger(TaskQueryAuthorization.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
        try {
            if (!mybatis.hasStatement(NAMESPACE + "." + STATEMENTS.get("selectTaskByQueryCriteria"))) {
                parse(mybatis, CHECK_MAPPING, resource(CHECK_MAPPING));
                parse(mybatis, NAMESPACE, new ByteArrayInputStream(rewrite(resource(CAMUNDA_MAPPING))
                        .getBytes(StandardCharsets.UTF_8)));
            }
        } catch (ShapeChanged | RuntimeException e) {
            log.warn("Task query: Camunda's own authorization check stays ({})", e.getMessage());
            return;
        }
        DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
        // the mappings of a database type are shared by every engine of the JVM: this engine gets a copy
        Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(sessions.getStatementMappings());
        STATEMENTS.forEach((camunda, ours) -> mappings.put(camunda, NAMESPACE + "." + ours));
        if (DbSqlSessionFactory.POSTGRES.equals(engine.getDatabaseType())) {
            mappings.put("selectAuthorizedGroupIds", CHECK_NAMESPACE + ".selectAuthorizedGroupIdsByIndex");
        }
        sessions.setStatementMappings(mappings);
    }

    /** Camunda's task query under our namespace, without the join to the grants, checked by lookups in the grants. */
    static String rewrite(InputStream camundaMapping) throws ShapeChanged {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document mapping = factory.newDocumentBuilder().parse(camundaMapping);
            Element mapper = mapping.getDocumentElement();
            mapper.setAttribute("namespace", NAMESPACE);
            for (Element element : children(mapper)) {
                String id = element.getAttribute("id");
                if (!KEPT.contains(id)) {
                    mapper.removeChild(element);
                } else if (element.getTagName().equals("select")) {
                    element.setAttribute("id", STATEMENTS.get(id));
                    if (element.hasAttribute("resultMap")) {
                        element.setAttribute("resultMap", TASK + element.getAttribute("resultMap"));
                    }
                }
            }
            Element join = only(mapping, "include", AUTHORIZATION + "authCheckJoinWithoutOnClause");
            Node joinIf = join.getParentNode();
            if (!(joinIf instanceof Element e) || !e.getAttribute("test").equals("!authCheck.revokeAuthorizationCheckEnabled")) {
                throw new ShapeChanged("the join to the grants is not where it was");
            }
            joinIf.getParentNode().removeChild(joinIf);
            only(mapping, "include", AUTHORIZATION + "contextualAuthorizationCheck")
                    .setAttribute("refid", CHECK_NAMESPACE + ".contextualAuthorizationCheck");
            if (children(mapper).size() != KEPT.size()) {
                throw new ShapeChanged("the task query's statements are not the ones expected");
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//mybatis.org//DTD Mapper 3.0//EN");
            transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "https://mybatis.org/dtd/mybatis-3-mapper.dtd");
            StringWriter xml = new StringWriter();
            transformer.transform(new DOMSource(mapping), new StreamResult(xml));
            return xml.toString();
        } catch (ShapeChanged e) {
            throw e;
        } catch (Exception e) {
            throw new ShapeChanged("Camunda's task mapping could not be read: " + e.getMessage());
        }
    }

    private static Element only(Document mapping, String tag, String refid) throws ShapeChanged {
        NodeList nodes = mapping.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getAttribute("refid").equals(refid)) {
                found.add(e);
            }
        }
        if (found.size() != 1) {
            throw new ShapeChanged(found.size() + " uses of " + refid + " in the task query, one expected");
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static void parse(Configuration mybatis, String resource, InputStream xml) {
        new XMLMapperBuilder(xml, mybatis, resource, mybatis.getSqlFragments()).parse();
    }

    private static InputStream resource(String path) {
        InputStream in = TaskQueryAuthorization.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path");
        }
        return in;
    }

    /** Camunda's task query is no longer the one this rewrite was written for. */
    static final class ShapeChanged extends Exception {
        ShapeChanged(String message) {
            super(message);
        }
    }
}
