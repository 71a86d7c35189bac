// The media types of the files the report can be sent as, apart from the modules that make them (those load docx
// and pdf.js, which the service loads only when a file is asked for).
export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const PDF_MEDIA_TYPE = "application/pdf";
