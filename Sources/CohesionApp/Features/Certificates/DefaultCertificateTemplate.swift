import CohesionPlatform

/// The Teilnahmebescheinigung as shipped: an OpenDocument text (flat XML) the lead can download,
/// change in LibreOffice or Word (keeping the `{{…}}` placeholders) and upload as their own.
/// DejaVu Sans covers every Latin-script name; LibreOffice embeds it in the PDF/A.
enum DefaultCertificateTemplate {
    static let fodt = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
        <office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
        <office:styles>
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.12cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="10.5pt" fo:language="de" fo:country="DE"/></style:default-style>
        <style:style style:name="Titel" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="22pt" fo:font-weight="bold" fo:color="#123a5e"/></style:style>
        <style:style style:name="Name" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Ueberschrift" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.08cm"/><style:text-properties fo:font-size="10.5pt" fo:font-weight="bold" fo:color="#123a5e"/></style:style>
        <style:style style:name="Klein" style:family="paragraph"><style:text-properties fo:font-size="8.5pt" fo:color="#444444"/></style:style>
        <style:style style:name="Unterschrift" style:family="paragraph"><style:paragraph-properties fo:margin-top="1.4cm" fo:border-top="0.5pt solid #000000" fo:padding-top="0.1cm" fo:margin-right="9cm"/></style:style>
        <style:style style:name="Pruefung" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.1cm"/></style:style>
        </office:styles>
        <office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.8cm" fo:margin-left="2.3cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
        <office:body><office:text>
        <text:p text:style-name="Klein">{{AUSSTELLER}}</text:p>
        <text:p text:style-name="Titel">Teilnahmebescheinigung</text:p>
        <text:p>Hiermit wird bescheinigt, dass</text:p>
        <text:p text:style-name="Name">{{NAME}}</text:p>
        <text:p>{{KOMMUNE}}</text:p>
        <text:p>am {{PROGRAMM}}, {{DURCHLAUF}}, teilgenommen hat.</text:p>
        <text:p text:style-name="Ueberschrift">Teile</text:p>
        <text:p>{{TEILE}}</text:p>
        <text:p text:style-name="Ueberschrift">Besuchte Einheiten</text:p>
        <text:p>{{EINHEITEN}}</text:p>
        <text:p text:style-name="Ueberschrift">Umfang: {{STUNDEN}}</text:p>
        <text:p text:style-name="Ueberschrift">Module</text:p>
        <text:p>{{MODULE}}</text:p>
        <text:p text:style-name="Ueberschrift">Kompetenzfelder</text:p>
        <text:p>{{KOMPETENZFELDER}}</text:p>
        <text:p text:style-name="Ueberschrift">{{ORT_DATUM}}</text:p>
        <text:p text:style-name="Unterschrift">Programmleitung</text:p>
        <text:p text:style-name="Pruefung">{{QR}}</text:p>
        <text:p text:style-name="Klein">Prüfcode {{CODE}} · Echtheit prüfen: {{PRUEFADRESSE}}</text:p>
        </office:text></office:body></office:document>
        """
}
