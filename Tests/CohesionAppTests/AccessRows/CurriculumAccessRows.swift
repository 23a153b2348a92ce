import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension CurriculumFeature: AccessTableRows {
    static var accessRows: [Row] { pageRows + editorRows }

    static let pageRows: [Row] = [
        get(AdminURL.overview, { _ in AdminURL.overview.path }, lead),
        get(AdminURL.edition(.key), { AdminURL.edition(.value($0.fixture.editionID)).path }, lead),
        get(AdminURL.part(.key), { AdminURL.part(.value($0.fixture.partID)).path }, lead),
    ]

    /// The lead's editor for each kind of the programme's structure; deletions children first.
    static let editorRows: [Row] = {
        let kinds: [(AdminResourceKind, @Sendable (AccessObjects) -> UUID, (@Sendable (AccessObjects) -> UUID)?)] = [
            (.programme, { $0.otherProgrammeID }, nil),
            (.edition, { $0.otherEditionID }, { $0.otherProgrammeID }),
            (.module, { $0.fixture.moduleID }, { $0.fixture.programmeID }),
            (.competenceArea, { $0.fixture.areaID }, { $0.fixture.programmeID }),
            (.part, { $0.otherPartID }, { $0.otherEditionID }),
            (.unit, { $0.otherUnitID }, { $0.otherPartID }),
        ]
        var rows: [Row] = []
        for (kind, id, parent) in kinds {
            let key: Param<UUID>? = parent == nil ? nil : .key
            rows += [
                get(AdminURL.new(kind, parent: key), { objects in AdminURL.new(kind, parent: parent.map { .value($0(objects)) }).path }, lead),
                post(
                    AdminURL.create(kind, parent: key), { objects in AdminURL.create(kind, parent: parent.map { .value($0(objects)) }).path }, lead),
                get(AdminURL.edit(kind, .key), { AdminURL.edit(kind, .value(id($0))).path }, lead),
                post(AdminURL.edit(kind, .key), { AdminURL.edit(kind, .value(id($0))).path }, lead),
                get(AdminURL.delete(kind, .key), { AdminURL.delete(kind, .value(id($0))).path }, lead),
            ]
        }
        for (depth, (kind, id, _)) in kinds.reversed().enumerated() {
            rows.append(post(AdminURL.delete(kind, .key), { AdminURL.delete(kind, .value(id($0))).path }, lead, .redirectElsewhere).running(.deletes(depth)))
        }
        return rows
    }()
}
