/**
 * Renders what the stages computed: a view model ({@link io.vmflow.report.Report}), report.json and
 * self-contained Thymeleaf HTML pages, as a folder or as one report.html whose pages link by
 * anchors ({@link io.vmflow.report.Links}). No parsing and no analysis here; untrusted text is
 * always escaped.
 */
package io.vmflow.report;
