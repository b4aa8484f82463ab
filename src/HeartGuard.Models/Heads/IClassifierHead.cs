namespace HeartGuard.Models.Heads;

/// <summary>A fitted classifier over one feature vector: probabilities in DiagnosticClasses.All order.</summary>
public interface IClassifierHead
{
    double[] Predict(float[] features);
    void Save(string path);
}
