import CohesionPlatform
import Vapor

/// The reference programme and the generated data for measurements: commands only, no pages.
enum DemoFeature: Feature {
    static let commands = [
        FeatureCommand("seed-demo", SeedDemoCommand()),
        FeatureCommand("seed-load", SeedLoadCommand()),
        FeatureCommand("seed-scale", SeedScaleCommand()),
        FeatureCommand("seed-contention", SeedContentionCommand()),
    ]

    static func register(on routes: any RoutesBuilder, app: Application) throws {}
    static let personalData: [PersonalData] = []
}
