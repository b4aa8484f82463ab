using HeartGuard.Core;

namespace HeartGuard.Models;

/// <summary>A trained model loaded from its bundle folder, whatever its kind (the ML.NET bundle,
/// <see cref="ModelBundle"/>, or a deep-route bundle): a page in, the four calibrated probabilities (in the
/// manifest's class order, temperature applied) and the flags out. analyze, evaluate and the web app see
/// models only through this.</summary>
public interface IPageModel
{
    /// <summary>The common bundle record: classes, calibration, training-data hashes, cross-validated metrics.</summary>
    BundleManifestBase Manifest { get; }

    /// <summary>Whether the model reads the page image itself; explaining such a model is costly (occlusion),
    /// so it is only done on request.</summary>
    bool HasImagePart { get; }

    Diagnosis Predict(PredictionInput input);

    /// <summary>The diagnosis with the per-lead contributions, where the model has them (else an empty list).</summary>
    Prediction PredictWithLeadContributions(PredictionInput input);

    /// <summary>Why the model decided as it did, for a prediction already made on the same input; null for a
    /// model that has no explanation.</summary>
    Explanation? Explain(PredictionInput input, Prediction prediction);

    /// <summary>Starts any slow loading on a worker thread, so the first prediction does not wait for it.</summary>
    void StartLoading();
}
