import Vapor
import CohesionCore

/// The one route table of Cohesion.
func routes(_ app: Application) throws {
    let publicPages = PublicController()
    let auth = AuthController()
    let api = APIController()

    app.get(SiteURL.healthz.pathComponents, use: publicPages.healthz)
    app.get(SiteURL.stylesheet.pathComponents, use: publicPages.stylesheet)
    app.get(SiteURL.script.pathComponents, use: publicPages.script)

    app.group("api", "v1") { routes in
        routes.get("openapi.json", use: api.openAPI)
        routes.get("programmes", use: api.programmes)
        routes.get("parts", ":partID", use: api.part)
        routes.get("regions", ":key", use: api.region)
    }

    let calendars = CalendarController()
    app.get(SiteURL.partCalendar(.key).pathComponents, use: calendars.part)
    app.get(SiteURL.personalCalendar(.key).pathComponents, use: calendars.personal)

    let web = app.grouped(CSRFMiddleware())
    web.get(SiteURL.home.pathComponents, use: publicPages.home)
    web.get(SiteURL.part(.key).pathComponents, use: publicPages.part)
    web.get(SiteURL.regions.pathComponents, use: publicPages.regions)
    web.get(SiteURL.region(.key).pathComponents, use: publicPages.region)
    web.get(SiteURL.login.pathComponents, use: auth.showLogin)
    web.post(SiteURL.login.pathComponents, use: auth.login)
    web.post(SiteURL.logout.pathComponents, use: auth.logout)
    web.get(SiteURL.forgotPassword.pathComponents, use: auth.showForgot)
    web.post(SiteURL.forgotPassword.pathComponents, use: auth.forgot)
    web.get(SiteURL.setPassword(.key).pathComponents, use: auth.showSetPassword)
    web.post(SiteURL.setPassword(.key).pathComponents, use: auth.setPassword)
    let invitations = InvitationController()
    web.get(SiteURL.invitation(.key).pathComponents, use: invitations.showAccept)
    web.post(SiteURL.invitation(.key).pathComponents, use: invitations.accept)

    // The role is checked before the CSRF token, so an anonymous visitor is sent to the login page.
    let personal = app.grouped(RequireRole(roles: Set(Role.allCases.filter(\.hasPersonalProgramme)))).grouped(CSRFMiddleware())
    personal.get(SiteURL.myProgramme.pathComponents, use: publicPages.myProgramme)

    let attendance = AttendanceController()
    let recorders = app.grouped(RequireRole(roles: [.lead, .admin, .facilitator])).grouped(CSRFMiddleware())
    recorders.get(SiteURL.attendance(.key).pathComponents, use: attendance.sheet)
    recorders.post(SiteURL.attendance(.key).pathComponents, use: attendance.save)
    recorders.get(SiteURL.signInList(.key).pathComponents, use: attendance.signInList)

    // Material: any signed-in user reaches the routes; the controller checks unit and edition.
    let material = MaterialController()
    let uploadLimit = ByteCount(value: app.cohesion.config.materialMaxMegabytes * 1_048_576 + 65_536)
    let signedIn = app.grouped(RequireRole(roles: Set(Role.allCases))).grouped(CSRFMiddleware(maxBodySize: uploadLimit))
    signedIn.get(SiteURL.unitMaterial(.key).pathComponents, use: material.unitPage)
    signedIn.on(.POST, SiteURL.unitMaterial(.key).pathComponents, body: .collect(maxSize: uploadLimit), use: material.upload)
    signedIn.get(SiteURL.partMaterial(.key).pathComponents, use: material.partPage)
    signedIn.get(SiteURL.material(.key).pathComponents, use: material.download)
    signedIn.post(SiteURL.deleteMaterial(.key).pathComponents, use: material.delete)

    let profiles = ProfileController()
    let participants = app.grouped(RequireRole(roles: [.participant])).grouped(CSRFMiddleware())
    participants.get(SiteURL.profile.pathComponents, use: profiles.showOwn)
    participants.post(SiteURL.profile.pathComponents, use: profiles.saveOwn)
    let registrations = RegistrationController()
    participants.get(SiteURL.registration(.key).pathComponents, use: registrations.show)
    participants.post(SiteURL.registration(.key).pathComponents, use: registrations.register)
    participants.post(SiteURL.cancellation(.key).pathComponents, use: registrations.cancel)
    participants.post(SiteURL.renewCalendar.pathComponents, use: calendars.renew)

    let admin = app.grouped(RequireRole(roles: Set(Role.allCases.filter(\.canEditStructure)))).grouped(CSRFMiddleware())
    let adminPages = AdminPagesController()
    admin.get(AdminURL.overview.pathComponents, use: adminPages.overview)
    admin.get(AdminURL.edition(.key).pathComponents, use: adminPages.edition)
    admin.get(AdminURL.part(.key).pathComponents, use: adminPages.part)
    let registrationAdmin = RegistrationAdminController()
    admin.get(AdminURL.registrations(.key).pathComponents, use: registrationAdmin.overview)
    admin.post(AdminURL.registrations(.key).pathComponents, use: registrationAdmin.registerOnBehalf)
    admin.post(AdminURL.cancelRegistration(.key).pathComponents, use: registrationAdmin.cancel)
    admin.get(AdminURL.invitations(.key).pathComponents, use: invitations.overview)
    admin.post(AdminURL.invitations(.key).pathComponents, use: invitations.inviteOne)
    admin.post(AdminURL.invitationUpload(.key).pathComponents, use: invitations.upload)
    admin.post(AdminURL.resendInvitation(.key).pathComponents, use: invitations.resend)
    admin.get(AdminURL.participants.pathComponents, use: profiles.list)
    admin.get(AdminURL.participantExport.pathComponents, use: profiles.export)
    admin.get(AdminURL.profile(.key).pathComponents, use: profiles.showForLead)
    admin.post(AdminURL.profile(.key).pathComponents, use: profiles.saveForLead)
    AdminResourceController<ProgrammeResource>().register(on: admin)
    AdminResourceController<EditionResource>().register(on: admin)
    AdminResourceController<ModuleResource>().register(on: admin)
    AdminResourceController<CompetenceAreaResource>().register(on: admin)
    AdminResourceController<PartResource>().register(on: admin)
    AdminResourceController<UnitResource>().register(on: admin)
}
