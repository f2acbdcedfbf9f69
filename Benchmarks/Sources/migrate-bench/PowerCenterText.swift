/// The XML text of the export elements the generator writes, in PowerCenter's own layout
/// (`NAME ="value"` with a space before `=`, four-space indentation).
enum PowerCenterText {
    typealias Column = ExportGenerator.Column

    static func source(name: String, columns: [Column]) -> String {
        var text =
            "    <SOURCE BUSINESSNAME =\"\" DATABASETYPE =\"Oracle\" DBDNAME =\"ORA_STAGE\" DESCRIPTION =\"\" "
            + "NAME =\"\(name)\" OBJECTVERSION =\"1\" OWNERNAME =\"STG\" VERSIONNUMBER =\"1\">\n"
        for (index, column) in columns.enumerated() {
            text +=
                "        <SOURCEFIELD BUSINESSNAME =\"\" DATATYPE =\"\(column.sourceType)\" DESCRIPTION =\"\" "
                + "FIELDNUMBER =\"\(index + 1)\" FIELDPROPERTY =\"0\" FIELDTYPE =\"ELEMITEM\" HIDDEN =\"NO\" "
                + "KEYTYPE =\"\(index == 0 ? "PRIMARY KEY" : "NOT A KEY")\" LENGTH =\"0\" LEVEL =\"0\" "
                + "NAME =\"\(column.name)\" NULLABLE =\"\(index == 0 ? "NOTNULL" : "NULL")\" OCCURS =\"0\" "
                + "OFFSET =\"0\" PHYSICALLENGTH =\"\(column.precision)\" PHYSICALOFFSET =\"0\" PICTURETEXT =\"\" "
                + "PRECISION =\"\(column.precision)\" SCALE =\"\(column.scale)\" USAGE_FLAGS =\"\"/>\n"
        }
        return text + "    </SOURCE>\n"
    }

    static func target(name: String, columns: [Column], derived: [String]) -> String {
        var text =
            "    <TARGET BUSINESSNAME =\"\" CONSTRAINT =\"\" DATABASETYPE =\"Oracle\" DESCRIPTION =\"\" "
            + "NAME =\"\(name)\" OBJECTVERSION =\"1\" TABLEOPTIONS =\"\" VERSIONNUMBER =\"1\">\n"
        let fields =
            columns.map { ($0.name, $0.sourceType, $0.precision, $0.scale) }
            + derived.map { ($0, "varchar2", 100, 0) }
        for (index, field) in fields.enumerated() {
            text +=
                "        <TARGETFIELD BUSINESSNAME =\"\" DATATYPE =\"\(field.1)\" DESCRIPTION =\"\" "
                + "FIELDNUMBER =\"\(index + 1)\" KEYTYPE =\"\(index == 0 ? "PRIMARY KEY" : "NOT A KEY")\" "
                + "NAME =\"\(field.0)\" NULLABLE =\"NULL\" PICTURETEXT =\"\" PRECISION =\"\(field.2)\" "
                + "SCALE =\"\(field.3)\"/>\n"
        }
        return text + "    </TARGET>\n"
    }

    static func sourceQualifier(name: String, table: String, columns: [Column]) -> String {
        var text = transformationStart(name: name, type: "Source Qualifier")
        for column in columns { text += port(column.name, column, "INPUT/OUTPUT") }
        let list = columns.map { "\(table).\($0.name)" }.joined(separator: ", ")
        let attributes = [
            (
                "Sql Query",
                "SELECT \(list)&#xD;&#xA;FROM STG.\(table)&#xD;&#xA;WHERE \(table).STATUS_1 &lt;&gt; &apos;X&apos;"
            ),
            ("User Defined Join", ""), ("Source Filter", ""), ("Number Of Sorted Ports", "0"),
            ("Tracing Level", "Normal"), ("Select Distinct", "NO"), ("Is Partitionable", "NO"), ("Pre SQL", ""),
            ("Post SQL", ""), ("Output is deterministic", "NO"), ("Output is repeatable", "Never"),
        ]
        for (key, value) in attributes { text += tableAttribute(key, value) }
        return text + "        </TRANSFORMATION>\n"
    }

    static func expression(name: String, columns: [Column], derived: [String], formulas: [String]) -> String {
        var text = transformationStart(name: name, type: "Expression")
        for column in columns {
            text += port(column.name, column, "INPUT/OUTPUT", expression: column.name)
        }
        for (output, formula) in zip(derived, formulas) {
            let column = Column(name: output, sourceType: "varchar2", portType: "string", precision: 100, scale: 0)
            text += port(output, column, "OUTPUT", expression: formula)
        }
        return text + tableAttribute("Tracing Level", "Normal") + "        </TRANSFORMATION>\n"
    }

    static func filter(name: String, columns: [Column], derived: [String]) -> String {
        var text = transformationStart(name: name, type: "Filter")
        for column in columns { text += port(column.name, column, "INPUT/OUTPUT") }
        for output in derived {
            text += port(
                output, Column(name: output, sourceType: "", portType: "string", precision: 100, scale: 0),
                "INPUT/OUTPUT")
        }
        let condition = "NOT ISNULL(\(columns[0].name)) AND \(derived[0]) &lt;&gt; &apos;N/A&apos;"
        return text + tableAttribute("Filter Condition", condition) + tableAttribute("Tracing Level", "Normal")
            + "        </TRANSFORMATION>\n"
    }

    static func instances(source: String, qualifier: String, steps: [(String, String)], target: String) -> String {
        var text =
            "        <INSTANCE DESCRIPTION =\"\" NAME =\"\(target)\" TRANSFORMATION_NAME =\"\(target)\" "
            + "TRANSFORMATION_TYPE =\"Target Definition\" TYPE =\"TARGET\"/>\n"
        text +=
            "        <INSTANCE DBDNAME =\"ORA_STAGE\" DESCRIPTION =\"\" NAME =\"\(source)\" "
            + "TRANSFORMATION_NAME =\"\(source)\" TRANSFORMATION_TYPE =\"Source Definition\" TYPE =\"SOURCE\"/>\n"
        text +=
            "        <INSTANCE DESCRIPTION =\"\" NAME =\"\(qualifier)\" REUSABLE =\"NO\" "
            + "TRANSFORMATION_NAME =\"\(qualifier)\" TRANSFORMATION_TYPE =\"Source Qualifier\" TYPE =\"TRANSFORMATION\">\n"
            + "            <ASSOCIATED_SOURCE_INSTANCE NAME =\"\(source)\"/>\n        </INSTANCE>\n"
        for (name, type) in steps {
            text +=
                "        <INSTANCE DESCRIPTION =\"\" NAME =\"\(name)\" REUSABLE =\"NO\" TRANSFORMATION_NAME =\"\(name)\" "
                + "TRANSFORMATION_TYPE =\"\(type)\" TYPE =\"TRANSFORMATION\"/>\n"
        }
        return text
    }

    static func connectors(_ fields: [String], from: (String, String), to: (String, String)) -> String {
        var text = ""
        for field in fields {
            text +=
                "        <CONNECTOR FROMFIELD =\"\(field)\" FROMINSTANCE =\"\(from.0)\" FROMINSTANCETYPE =\"\(from.1)\" "
                + "TOFIELD =\"\(field)\" TOINSTANCE =\"\(to.0)\" TOINSTANCETYPE =\"\(to.1)\"/>\n"
        }
        return text
    }

    static let sessionConfig =
        "    <CONFIG DESCRIPTION =\"Default session configuration object\" ISDEFAULT =\"YES\" "
        + "NAME =\"default_session_config\" VERSIONNUMBER =\"1\">\n"
        + "        <ATTRIBUTE NAME =\"Stop on errors\" VALUE =\"0\"/>\n"
        + "        <ATTRIBUTE NAME =\"DateTime Format String\" VALUE =\"MM/DD/YYYY HH24:MI:SS.US\"/>\n"
        + "    </CONFIG>\n"

    static func session(mapping: String) -> String {
        let number = mapping.split(separator: "_").last.map(String.init) ?? "0"
        return "    <SESSION DESCRIPTION =\"\" ISVALID =\"YES\" MAPPINGNAME =\"\(mapping)\" NAME =\"s_\(mapping)\" "
            + "REUSABLE =\"YES\" SORTORDER =\"Binary\" VERSIONNUMBER =\"1\">\n"
            + "        <SESSTRANSFORMATIONINST ISREPARTITIONPOINT =\"YES\" PARTITIONTYPE =\"PASS THROUGH\" PIPELINE =\"1\" "
            + "SINSTANCENAME =\"TGT_ORDERS_\(number)\" STAGE =\"1\" TRANSFORMATIONNAME =\"TGT_ORDERS_\(number)\" "
            + "TRANSFORMATIONTYPE =\"Target Definition\">\n"
            + "            <ATTRIBUTE NAME =\"Target Table Name\" VALUE =\"DWH.TGT_ORDERS_\(number)\"/>\n"
            + "        </SESSTRANSFORMATIONINST>\n"
            + "        <CONFIGREFERENCE REFOBJECTNAME =\"default_session_config\" TYPE =\"Session config\"/>\n"
            + "        <ATTRIBUTE NAME =\"Treat source rows as\" VALUE =\"Insert\"/>\n"
            + "        <ATTRIBUTE NAME =\"Commit Interval\" VALUE =\"10000\"/>\n"
            + "    </SESSION>\n"
    }

    static func workflow(name: String, sessions: [String]) -> String {
        var text =
            "    <WORKFLOW DESCRIPTION =\"\" ISENABLED =\"YES\" ISRUNNABLESERVICE =\"NO\" ISSERVICE =\"NO\" "
            + "ISVALID =\"YES\" NAME =\"\(name)\" REUSABLE_SCHEDULER =\"NO\" SCHEDULERNAME =\"Scheduler\" "
            + "SERVERNAME =\"IS\" SERVER_DOMAINNAME =\"Domain\" SUSPEND_ON_ERROR =\"NO\" "
            + "TASKS_MUST_RUN_ON_SERVER =\"NO\" VERSIONNUMBER =\"1\">\n"
            + "        <SCHEDULER DESCRIPTION =\"\" NAME =\"Scheduler\" REUSABLE =\"NO\" VERSIONNUMBER =\"1\">\n"
            + "            <SCHEDULEINFO SCHEDULETYPE =\"ONDEMAND\"/>\n        </SCHEDULER>\n"
            + "        <TASK DESCRIPTION =\"\" NAME =\"Start\" REUSABLE =\"NO\" TYPE =\"Start\" VERSIONNUMBER =\"1\"/>\n"
            + "        <TASKINSTANCE DESCRIPTION =\"\" ISENABLED =\"YES\" NAME =\"Start\" REUSABLE =\"NO\" "
            + "TASKNAME =\"Start\" TASKTYPE =\"Start\"/>\n"
        for session in sessions {
            text +=
                "        <TASKINSTANCE DESCRIPTION =\"\" FAIL_PARENT_IF_INSTANCE_DID_NOT_RUN =\"NO\" "
                + "FAIL_PARENT_IF_INSTANCE_FAILS =\"YES\" ISENABLED =\"YES\" NAME =\"\(session)\" REUSABLE =\"YES\" "
                + "TASKNAME =\"\(session)\" TASKTYPE =\"Session\" TREAT_INPUTLINK_AS_AND =\"YES\"/>\n"
        }
        var previous = "Start"
        for session in sessions {
            let condition = previous == "Start" ? "" : "$\(previous).Status=SUCCEEDED"
            text +=
                "        <WORKFLOWLINK CONDITION =\"\(condition)\" FROMTASK =\"\(previous)\" TOTASK =\"\(session)\"/>\n"
            previous = session
        }
        return text + "    </WORKFLOW>\n"
    }

    private static func transformationStart(name: String, type: String) -> String {
        "        <TRANSFORMATION DESCRIPTION =\"\" NAME =\"\(name)\" OBJECTVERSION =\"1\" REUSABLE =\"NO\" "
            + "TYPE =\"\(type)\" VERSIONNUMBER =\"1\">\n"
    }

    private static func port(_ name: String, _ column: Column, _ portType: String, expression: String? = nil) -> String
    {
        let expressionText = expression.map { "EXPRESSION =\"\($0)\" EXPRESSIONTYPE =\"GENERAL\" " } ?? ""
        return "            <TRANSFORMFIELD DATATYPE =\"\(column.portType)\" DEFAULTVALUE =\"\" DESCRIPTION =\"\" "
            + expressionText + "NAME =\"\(name)\" PICTURETEXT =\"\" PORTTYPE =\"\(portType)\" "
            + "PRECISION =\"\(column.precision)\" SCALE =\"\(column.scale)\"/>\n"
    }

    private static func tableAttribute(_ name: String, _ value: String) -> String {
        "            <TABLEATTRIBUTE NAME =\"\(name)\" VALUE =\"\(value)\"/>\n"
    }
}
