package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@code virsh dumpxml <domain>}, whole or cut to its {@code <interface>} elements:
 *
 * <pre>
 * &lt;interface type='ethernet'&gt;
 *   &lt;mac address='fa:16:3e:ac:ee:39'/&gt;
 *   &lt;target dev='tap0ab9a23c-99'/&gt;
 * &lt;/interface&gt;
 * </pre>
 *
 * Read with the JDK's StAX parser, DTDs and external entities off (dumps are untrusted). Kept:
 * domain name and uuid, interface type, MAC, target dev, source bridge, virtualport interfaceid.
 */
final class VirshDumpxmlParser implements CommandParser<LibvirtDomain> {

  private static final XMLInputFactory XML = factory();

  @Override
  public Spec spec() {
    return Spec.VIRSH_DUMPXML;
  }

  @Override
  public Class<LibvirtDomain> type() {
    return LibvirtDomain.class;
  }

  @Override
  public Parsed<LibvirtDomain> parse(SourceText source) {
    String text = String.join("\n", source.lines()).trim();
    // fragments (several <interface> elements) get a root so they form one document
    String doc =
        text.startsWith("<domain")
            ? text
            : "<fragment>" + text.replaceFirst("^<\\?xml[^>]*\\?>", "") + "</fragment>";
    String name = "";
    String uuid = "";
    List<LibvirtDomain.DomainInterface> out = new ArrayList<>();
    try {
      XMLStreamReader r = XML.createXMLStreamReader(new StringReader(doc));
      Iface cur = null;
      String path = "";
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String el = r.getLocalName();
          path = path + "/" + el;
          switch (el) {
            case "interface" ->
                cur =
                    new Iface(
                        r.getAttributeValue(null, "type"),
                        source.lineNo(Math.max(0, r.getLocation().getLineNumber() - 1)));
            case "mac" -> {
              if (cur != null) {
                cur.mac = attr(r, "address");
              }
            }
            case "target" -> {
              if (cur != null) {
                cur.dev = attr(r, "dev");
              }
            }
            case "source" -> {
              if (cur != null) {
                cur.bridge = attr(r, "bridge");
              }
            }
            case "parameters" -> {
              if (cur != null && !attr(r, "interfaceid").isEmpty()) {
                cur.interfaceId = attr(r, "interfaceid");
              }
            }
            case "name" -> {
              if (path.equals("/domain/name")) {
                name = r.getElementText().trim();
                path = path.substring(0, path.lastIndexOf('/'));
              }
            }
            case "uuid" -> {
              if (path.equals("/domain/uuid")) {
                uuid = r.getElementText().trim();
                path = path.substring(0, path.lastIndexOf('/'));
              }
            }
            default -> {}
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          if (r.getLocalName().equals("interface") && cur != null) {
            out.add(
                new LibvirtDomain.DomainInterface(
                    cur.type,
                    MacAddress.parse(cur.mac),
                    cur.dev,
                    cur.bridge,
                    cur.interfaceId,
                    cur.line));
            cur = null;
          }
          path = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        }
      }
    } catch (XMLStreamException e) {
      Finding f =
          Finding.input(
              Severity.WARNING,
              ParseFindings.UNRECOGNISED_LINE,
              "unreadable domain XML: " + e.getMessage(),
              source.origin(),
              e.getLocation() == null
                  ? source.firstLine()
                  : source.lineNo(Math.max(0, e.getLocation().getLineNumber() - 1)));
      return new Parsed<>(
          out.isEmpty()
              ? java.util.Optional.empty()
              : java.util.Optional.of(new LibvirtDomain(name, uuid, out)),
          List.of(f));
    }
    return Parsed.of(
        new LibvirtDomain(name.isEmpty() ? source.subject() : name, uuid, out), List.of());
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  private static final class Iface {
    final String type;
    final int line;
    String mac = "";
    String dev = "";
    String bridge = "";
    String interfaceId = "";

    Iface(String type, int line) {
      this.type = type == null ? "" : type;
      this.line = line;
    }
  }
}
