package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@code virsh dumpxml <domain>}, libvirt's saved definitions ({@code /etc/libvirt/qemu/*.xml}) and
 * live status files ({@code /run/libvirt/qemu/*.xml}: a {@code <domstatus>} wrapping the {@code
 * <domain>}), with or without a prolog or libvirt's "AUTO-GENERATED FILE" comment, whole or cut to
 * its {@code <interface>} elements:
 *
 * <pre>
 * &lt;interface type='ethernet'&gt;
 *   &lt;mac address='fa:16:3e:ac:ee:39'/&gt;
 *   &lt;target dev='tap0ab9a23c-99'/&gt;
 * &lt;/interface&gt;
 * </pre>
 *
 * Read with the JDK's StAX parser, DTDs and external entities off (dumps are untrusted). Kept:
 * domain name and uuid, interface type, MAC, target dev, source bridge, virtualport interfaceid. A
 * file cut short keeps what was read before the cut, with a finding.
 */
final class VirshDumpxmlParser implements CommandParser<LibvirtDomain> {

  private static final XMLInputFactory XML = factory();

  // <?xml version="1.0" encoding="UTF-8"?>   /   <!DOCTYPE domain>
  private static final Pattern PROLOG = Pattern.compile("<\\?xml[^>]*\\?>|<!DOCTYPE[^>]*>");

  // the domain's own <name> and <uuid>: /fragment/domain/name, or inside libvirt's status file
  // /fragment/domstatus/domain/uuid (not a <name> deeper down, such as a channel target's)
  private static final Pattern DOMAIN_CHILD =
      Pattern.compile("^/fragment(/domstatus)?/domain/(name|uuid)$");

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
    // every text gets a root of its own, so a whole domain, a domain behind a prolog or libvirt's
    // "AUTO-GENERATED FILE" comment, a <domstatus> wrapping the domain (/run/libvirt/qemu/*.xml)
    // and a cut of <interface> elements all read the same way; the declaration and any DOCTYPE
    // must go, as they may only open a document
    String doc =
        "<fragment>"
            + PROLOG.matcher(String.join("\n", source.lines())).replaceAll("")
            + "</fragment>";
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
              if (DOMAIN_CHILD.matcher(path).matches()) {
                name = r.getElementText().trim();
                path = path.substring(0, path.lastIndexOf('/'));
              }
            }
            case "uuid" -> {
              if (DOMAIN_CHILD.matcher(path).matches()) {
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
      // a cut-off file keeps what was read before the cut
      return new Parsed<>(
          out.isEmpty() && name.isEmpty() && uuid.isEmpty()
              ? Optional.empty()
              : Optional.of(new LibvirtDomain(name.isEmpty() ? source.subject() : name, uuid, out)),
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
